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

    public static ByteString Model(ByteString graph, long opset) => Message(output =>
    {
        output.WriteTag(1, WireType.Varint); // ir_version
        output.WriteInt64(8);
        output.WriteTag(2, WireType.LengthDelimited); // producer_name
        output.WriteString("MlApp.Model.Training");
        output.WriteTag(7, WireType.LengthDelimited); // graph
        output.WriteBytes(graph);
        output.WriteTag(8, WireType.LengthDelimited); // opset_import { domain "" version }
        output.WriteBytes(Message(opsetId =>
        {
            opsetId.WriteTag(2, WireType.Varint);
            opsetId.WriteInt64(opset);
        }));
    });

    public static ByteString Graph(string name, IEnumerable<ByteString> nodes, IEnumerable<ByteString> initializers, ByteString input, ByteString output) => Message(graph =>
    {
        foreach (var node in nodes)
        {
            graph.WriteTag(1, WireType.LengthDelimited);
            graph.WriteBytes(node);
        }

        graph.WriteTag(2, WireType.LengthDelimited);
        graph.WriteString(name);
        foreach (var initializer in initializers)
        {
            graph.WriteTag(5, WireType.LengthDelimited);
            graph.WriteBytes(initializer);
        }

        graph.WriteTag(11, WireType.LengthDelimited);
        graph.WriteBytes(input);
        graph.WriteTag(12, WireType.LengthDelimited);
        graph.WriteBytes(output);
    });

    public static ByteString Node(string opType, string[] inputs, string output) => Message(node =>
    {
        foreach (var input in inputs)
        {
            node.WriteTag(1, WireType.LengthDelimited);
            node.WriteString(input);
        }

        node.WriteTag(2, WireType.LengthDelimited);
        node.WriteString(output);
        node.WriteTag(3, WireType.LengthDelimited);
        node.WriteString(output);
        node.WriteTag(4, WireType.LengthDelimited);
        node.WriteString(opType);
    });

    /// <summary>A float tensor with its values as raw little-endian bytes, as exporters write large weights.</summary>
    public static ByteString Tensor(string name, long[] dims, float[] values) => Message(tensor =>
    {
        foreach (var dim in dims)
        {
            tensor.WriteTag(1, WireType.Varint);
            tensor.WriteInt64(dim);
        }

        tensor.WriteTag(2, WireType.Varint);
        tensor.WriteInt32(FloatType);
        tensor.WriteTag(8, WireType.LengthDelimited);
        tensor.WriteString(name);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        tensor.WriteTag(9, WireType.LengthDelimited);
        tensor.WriteBytes(ByteString.CopyFrom(bytes));
    });

    /// <summary>A float[batch, <paramref name="width"/>] graph input or output, with a dynamic batch axis.</summary>
    public static ByteString FloatMatrix(string name, long width) => Message(valueInfo =>
    {
        valueInfo.WriteTag(1, WireType.LengthDelimited);
        valueInfo.WriteString(name);
        valueInfo.WriteTag(2, WireType.LengthDelimited); // type { tensor_type { elem_type, shape } }
        valueInfo.WriteBytes(Message(type =>
        {
            type.WriteTag(1, WireType.LengthDelimited);
            type.WriteBytes(Message(tensorType =>
            {
                tensorType.WriteTag(1, WireType.Varint);
                tensorType.WriteInt32(FloatType);
                tensorType.WriteTag(2, WireType.LengthDelimited);
                tensorType.WriteBytes(Message(shape =>
                {
                    shape.WriteTag(1, WireType.LengthDelimited);
                    shape.WriteBytes(Message(dim => { dim.WriteTag(2, WireType.LengthDelimited); dim.WriteString("batch"); }));
                    shape.WriteTag(1, WireType.LengthDelimited);
                    shape.WriteBytes(Message(dim => { dim.WriteTag(1, WireType.Varint); dim.WriteInt64(width); }));
                }));
            }));
        }));
    });

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
