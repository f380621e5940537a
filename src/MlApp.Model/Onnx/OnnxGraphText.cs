using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MlApp.Model.Onnx;

/// <summary>How graph inputs and outputs read in load errors: the scientist sees names, types and shapes as Netron would show them.</summary>
internal static class OnnxGraphText
{
    public static string Describe(NodeMetadata node) => node.IsTensor
        ? $"{ElementName(node.ElementDataType)}{Shape(node.Dimensions)}"
        : node.OnnxValueType.ToString().Replace("ONNX_TYPE_", "", StringComparison.Ordinal).ToLowerInvariant();

    public static string Names(IReadOnlyDictionary<string, NodeMetadata> nodes) => string.Join(", ", nodes.Keys);

    public static string Shape(int[] dimensions) => "[" + string.Join(",", dimensions) + "]";

    public static string ElementName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float",
        TensorElementType.Double => "double",
        TensorElementType.String => "string",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.Bool => "bool",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>A batch needs a dynamic first axis; ONNX stores a dynamic axis as -1 (or 0 in some exporters).</summary>
    public static bool HasDynamicBatch(NodeMetadata node) => node.Dimensions.Length > 0 && node.Dimensions[0] <= 0;
}
