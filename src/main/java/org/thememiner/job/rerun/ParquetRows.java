package org.thememiner.job.rerun;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rows of a Spark schema written as one Parquet file by a task itself, where Spark's DataFrame writer cannot run.
 * Spark reads the file as it reads its own: lists in Parquet's standard three-level layout, vectors as the struct
 * Spark ML stores them as. The column types are those the cache stores: strings, numbers, booleans, arrays,
 * vectors.
 */
final class ParquetRows {
  private static final String LIST = "list";
  private static final String ELEMENT = "element";

  private ParquetRows() {}

  static void write(Path file, StructType schema, List<Row> rows, Configuration conf) throws IOException {
    MessageType type = messageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf)).withConf(conf)
        .withType(type).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      for (Row row : rows) {
        Group g = groups.newGroup();
        fill(g, schema, row);
        writer.write(g);
      }
    }
  }

  private static MessageType messageType(StructType schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField f : schema.fields()) message.addField(type(f.name(), f.dataType(), f.nullable()));
    return message.named("spark_schema");
  }

  private static Type type(String name, DataType type, boolean nullable) {
    Type.Repetition repetition = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    if (type instanceof VectorUDT vector) return type(name, vector.sqlType(), nullable);
    if (type instanceof ArrayType array) {
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(type(ELEMENT, array.elementType(), array.containsNull())).named(LIST))
          .named(name);
    }
    if (type instanceof StructType struct) {
      Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
      for (StructField f : struct.fields()) group.addField(type(f.name(), f.dataType(), f.nullable()));
      return group.named(name);
    }
    if (type.equals(DataTypes.StringType)) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(name);
    }
    if (type.equals(DataTypes.ByteType)) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.intType(8, true)).named(name);
    }
    if (type.equals(DataTypes.IntegerType)) return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
    if (type.equals(DataTypes.DoubleType)) return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
    if (type.equals(DataTypes.BooleanType)) return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
    throw new IllegalArgumentException("no Parquet column for " + type + " (" + name + ")");
  }

  private static void fill(Group g, StructType schema, Row row) {
    for (int i = 0; i < schema.size(); i++) {
      if (!row.isNullAt(i)) add(g, schema.fields()[i].name(), schema.fields()[i].dataType(), row.get(i));
    }
  }

  private static void add(Group g, String name, DataType type, Object value) {
    if (type instanceof VectorUDT vector) {
      add(g, name, vector.sqlType(), vectorRow((Vector) value));
    } else if (type instanceof ArrayType array) {
      Group list = g.addGroup(name);
      for (Object element : elements(value)) {
        Group entry = list.addGroup(LIST);
        if (element != null) add(entry, ELEMENT, array.elementType(), element);
      }
    } else if (type instanceof StructType struct) {
      fill(g.addGroup(name), struct, (Row) value);
    } else if (type.equals(DataTypes.StringType)) {
      g.add(name, Binary.fromString((String) value));
    } else if (type.equals(DataTypes.ByteType)) {
      g.add(name, ((Byte) value).intValue());
    } else if (type.equals(DataTypes.IntegerType)) {
      g.add(name, (Integer) value);
    } else if (type.equals(DataTypes.DoubleType)) {
      g.add(name, (Double) value);
    } else if (type.equals(DataTypes.BooleanType)) {
      g.add(name, (Boolean) value);
    } else {
      throw new IllegalArgumentException("no Parquet column for " + type + " (" + name + ")");
    }
  }

  /** The elements of an array column's value: a Scala sequence in a Spark row, a Java list in one made here. */
  private static List<?> elements(Object value) {
    return value instanceof scala.collection.Seq<?> seq ? CollectionConverters.asJava(seq) : (List<?>) value;
  }

  /** A vector as the row of {@link VectorUDT#sqlType}: its type (0 sparse, 1 dense), size, indices and values. */
  private static Row vectorRow(Vector v) {
    List<Double> values = Arrays.stream(v.toArray()).boxed().toList();
    if (v instanceof DenseVector) return RowFactory.create((byte) 1, null, null, values);
    SparseVector sparse = (SparseVector) v;
    return RowFactory.create((byte) 0, sparse.size(), Arrays.stream(sparse.indices()).boxed().toList(),
        Arrays.stream(sparse.values()).boxed().toList());
  }
}
