using Google.Protobuf;
using static Google.Protobuf.WireFormat;

namespace MlApp.Model.Training.Mlp;

/// <summary>
/// Just enough of ONNX's protobuf schema (onnx.proto, by field number) to write a float graph of standard operators:
/// ML.NET has no trainer that exports a deep network, and the writer needs no generated classes.
/// </summary>
internal static class OnnxProto
{
    private const int FloatType = 1;

    public static ByteString Model(ByteString graph, long opset) => Message(model =>
    {
        model.WriteVarintField(1, 8); // ir_version
        model.WriteStringField(2, "MlApp.Model.Training"); // producer_name
        model.WriteBytesField(7, graph); // graph
        model.WriteBytesField(8, Message(opsetId => opsetId.WriteVarintField(2, opset))); // opset_import { domain "" version }
    });

    public static ByteString Graph(string name, IEnumerable<ByteString> nodes, IEnumerable<ByteString> initializers, ByteString input, ByteString output) => Message(graph =>
    {
        foreach (var node in nodes)
        {
            graph.WriteBytesField(1, node);
        }

        graph.WriteStringField(2, name);
        foreach (var initializer in initializers)
        {
            graph.WriteBytesField(5, initializer);
        }

        graph.WriteBytesField(11, input);
        graph.WriteBytesField(12, output);
    });

    public static ByteString Node(string opType, string[] inputs, string output) => Message(node =>
    {
        foreach (var input in inputs)
        {
            node.WriteStringField(1, input);
        }

        node.WriteStringField(2, output);
        node.WriteStringField(3, output);
        node.WriteStringField(4, opType);
    });

    /// <summary>A float tensor with its values as raw little-endian bytes, as exporters write large weights.</summary>
    public static ByteString Tensor(string name, long[] dims, float[] values) => Message(tensor =>
    {
        foreach (var dim in dims)
        {
            tensor.WriteVarintField(1, dim);
        }

        tensor.WriteVarintField(2, FloatType);
        tensor.WriteStringField(8, name);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        tensor.WriteBytesField(9, ByteString.CopyFrom(bytes));
    });

    /// <summary>A float[batch, <paramref name="width"/>] graph input or output, with a dynamic batch axis.</summary>
    public static ByteString FloatMatrix(string name, long width) => Message(valueInfo =>
    {
        valueInfo.WriteStringField(1, name);
        valueInfo.WriteBytesField(2, Message(type => // type { tensor_type { elem_type, shape } }
            type.WriteBytesField(1, Message(tensorType =>
            {
                tensorType.WriteVarintField(1, FloatType);
                tensorType.WriteBytesField(2, Message(shape =>
                {
                    shape.WriteBytesField(1, Message(dim => dim.WriteStringField(2, "batch")));
                    shape.WriteBytesField(1, Message(dim => dim.WriteVarintField(1, width)));
                }));
            }))));
    });

    // One field each: its tag (number and wire type) and its value. Every integer field here is a non-negative int32 or
    // int64, whose varints are the same bytes, so one writer serves both.
    private static void WriteVarintField(this CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireType.Varint);
        output.WriteInt64(value);
    }

    private static void WriteStringField(this CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void WriteBytesField(this CodedOutputStream output, int field, ByteString value)
    {
        output.WriteTag(field, WireType.LengthDelimited);
        output.WriteBytes(value);
    }

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return ByteString.CopyFrom(buffer.ToArray());
    }
}
