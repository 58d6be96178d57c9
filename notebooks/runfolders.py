"""Finding and reading thememiner run folders for the notebooks (CSV and JSON only; no Parquet).

Which run a notebook reads:

* ``THEMEMINER_RUN``: a run folder (one holding ``run.json``). When unset, the newest run under ``THEMEMINER_RUNS``
  (default: ``runs/`` in the project folder): every folder at most two levels down holding a ``run.json``
  (``runs/<job>/`` or ``runs/<job>/<anything>/``), newest by ``finishedAt`` in its run.json.
* ``THEMEMINER_PREVIOUS_RUN`` (drift only): the run to compare with. When unset, the newest other run under
  ``THEMEMINER_RUNS`` with the same job name that finished before the current one; there may be none.

Tables come from the run's ``export/`` folder, written by ``jobs/thememiner ... --export csv``.
"""

import json
import math
import os
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

PROJECT = Path(__file__).resolve().parent.parent
# The run folder's names as src/main/java/org/thememiner/report/RunLayout.java spells them (RunLayoutTest checks).
RUN_INFO = "run.json"
THEMES = "themes.json"
PAPERS = "papers.jsonl"
COMPARISON = "comparison.json"
ASSIGNMENTS = "assignments.csv"
EXPORT = "export"
EXPORT_TABLES = ("themes.csv", "theme_papers.csv", "comparison.csv", "constructs.csv")
# Drift as src/main/java/org/thememiner/report/Drift.java computes it for the report (RunViewersTest checks): two
# themes are the same theme from this cosine of their keyword weights on, and a theme grew or shrank when its share
# of the clustered sentences changed by more than this fraction.
DRIFT_MATCH = 0.2
DRIFT_CHANGE = 0.2


class RunFolderError(Exception):
    """A run folder is missing, incomplete or not exported."""


def runs_root():
    return Path(os.environ.get("THEMEMINER_RUNS", PROJECT / "runs"))


def run_info(run):
    path = Path(run) / RUN_INFO
    if not path.is_file():
        raise RunFolderError(f"{run} is not a thememiner run folder: it has no run.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _finished(run):
    """Sort key: finishedAt from run.json (ISO-8601 UTC sorts as text), then the file's modification time."""
    info = run_info(run)
    return (info.get("finishedAt") or info.get("startedAt") or "", (Path(run) / RUN_INFO).stat().st_mtime)


def find_runs(root=None):
    """Every run folder at most two levels under root, newest first."""
    root = Path(root) if root else runs_root()
    if not root.is_dir():
        return []
    found = {p.parent for pattern in ("*/" + RUN_INFO, "*/*/" + RUN_INFO) for p in root.glob(pattern)}
    return sorted(found, key=_finished, reverse=True)


def current_run():
    chosen = os.environ.get("THEMEMINER_RUN")
    if chosen:
        run = Path(chosen)
        run_info(run)
        return run
    runs = find_runs()
    if not runs:
        raise RunFolderError(f"no run folder under {runs_root()}: set THEMEMINER_RUN to a run folder (one holding run.json)")
    return runs[0]


def previous_run(current):
    """The run to compare the current one with, or None when there is only one run."""
    chosen = os.environ.get("THEMEMINER_PREVIOUS_RUN")
    if chosen:
        run = Path(chosen)
        run_info(run)
        return run
    info = run_info(current)
    for run in find_runs():
        if run.resolve() == Path(current).resolve():
            continue
        other = run_info(run)
        if other.get("name") == info.get("name") and _finished(run) < _finished(current):
            return run
    return None


def read_table(run, name):
    """One of the CSV export's tables, as a DataFrame (ids kept as text)."""
    path = Path(run) / EXPORT / name
    if not path.is_file():
        raise RunFolderError(f"{path} is missing: export the run's tables first "
                             f"(jobs/thememiner ... --export csv, or CsvExport.write)")
    return pd.read_csv(path, dtype={"paper_id": str, "set_id": str, "construct_id": str}, keep_default_na=False,
                       na_values=[""])


def read_json(run, name):
    """A JSON file of the run, or None when the run has none."""
    path = Path(run) / name
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_assignments(run):
    """assignments.csv: one row per clustered sentence."""
    path = Path(run) / ASSIGNMENTS
    if not path.is_file():
        raise RunFolderError(f"{path} is missing: the run did not finish")
    return pd.read_csv(path, dtype={"paper_id": str, "section": str, "text": str}, keep_default_na=False, na_values=[""])


def construct_sets(run):
    """comparison.json, a list of construct-set comparisons (docs/schemas/comparison.schema.json); empty when the
    run has none."""
    data = read_json(run, COMPARISON)
    return [] if data is None else data


def paper_ids(run):
    """The ids of the papers a run read, from its papers.jsonl."""
    with open(Path(run) / PAPERS, encoding="utf-8") as f:
        return {json.loads(line)["id"] for line in f if line.strip()}


def _cosine(a, b):
    wa = dict(zip(a["keywords"], a["keywordWeights"]))
    wb = dict(zip(b["keywords"], b["keywordWeights"]))
    dot = sum(w * wb.get(k, 0.0) for k, w in wa.items())
    na = math.sqrt(sum(w * w for w in wa.values()))
    nb = math.sqrt(sum(w * w for w in wb.values()))
    return 0.0 if na == 0 or nb == 0 else dot / (na * nb)


def drift(current, previous):
    """What changed from previous to current, in drift.json's shape: themes matched one to one (Hungarian, on the
    cosine of their keyword weights, at least DRIFT_MATCH), new and vanished themes, papers added and removed."""
    now, then = read_json(current, THEMES), read_json(previous, THEMES)
    sim = np.array([[_cosine(n, t) for t in then] for n in now]) if now and then else np.zeros((len(now), len(then)))
    pairs = dict(zip(*linear_sum_assignment(sim, maximize=True))) if now and then else {}
    total_now = sum(t["size"] for t in now)
    total_then = sum(t["size"] for t in then)
    matched, fresh, kept = [], [], set()
    for i, theme in enumerate(now):
        j = pairs.get(i)
        if j is None or sim[i][j] < DRIFT_MATCH:
            fresh.append(theme["id"])
            continue
        before, after = then[j]["size"] / total_then, theme["size"] / total_now
        change = "grew" if after > before * (1 + DRIFT_CHANGE) else "shrank" if after < before * (1 - DRIFT_CHANGE) else "stable"
        matched.append({"previousId": then[j]["id"], "currentId": theme["id"], "similarity": float(sim[i][j]),
                        "previousShare": before, "currentShare": after, "change": change})
        kept.add(j)
    papers_now, papers_then = paper_ids(current), paper_ids(previous)
    return {"previousRun": run_info(previous).get("startedAt"), "matched": matched, "newThemes": fresh,
            "vanishedThemes": [t["id"] for j, t in enumerate(then) if j not in kept],
            "papersAdded": sorted(papers_now - papers_then), "papersRemoved": sorted(papers_then - papers_now)}
