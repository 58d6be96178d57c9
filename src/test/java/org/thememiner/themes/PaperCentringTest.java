package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;

/** What every sentence of a paper shares is taken out; what tells them apart is kept. */
class PaperCentringTest {
  @Test
  void eachSentenceLosesItsPapersMeanAndUnplacedRowsStayZero() {
    StructType schema = new StructType().add("paper_id", DataTypes.StringType).add("sentence_no", DataTypes.IntegerType)
        .add("v", new VectorUDT());
    // Paper a: both sentences lean the same way (x) and differ in y; paper b has one placed sentence and one zero.
    List<Row> rows = List.of(
        RowFactory.create("a", 0, Vectors.dense(3, 1)), RowFactory.create("a", 1, Vectors.dense(3, -1)),
        RowFactory.create("b", 0, Vectors.dense(0, 1)), RowFactory.create("b", 1, Vectors.dense(0, 0)));
    Map<String, double[]> out = new HashMap<>();
    for (Row r : new PaperCentring().setInputCol("v").setOutputCol("c")
        .transform(TestData.spark().createDataFrame(rows, schema)).collectAsList()) {
      out.put(r.getString(0) + r.getInt(1), ((Vector) r.getAs("c")).toArray());
    }
    assertArrayEquals(new double[] {0, 1}, out.get("a0"), 1e-12);
    assertArrayEquals(new double[] {0, -1}, out.get("a1"), 1e-12);
    assertArrayEquals(new double[] {0, 1}, out.get("b0"), 1e-12, "a paper of one placed sentence keeps it");
    assertArrayEquals(new double[] {0, 0}, out.get("b1"), 1e-12, "a row the themes do not place stays zero");
    assertEquals(4, out.size());
  }
}
