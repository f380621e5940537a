using System.Text;

namespace MlApp.Tests.Support;

/// <summary>
/// Reads just enough of OTLP's protobuf (ExportTraceServiceRequest → ResourceSpans → ScopeSpans → Span) to get each
/// span's ids and name, without a protobuf library: field numbers from opentelemetry-proto's trace.proto.
/// </summary>
public static class OtlpSpanReader
{
    public static IEnumerable<ExportedSpan> Read(byte[] request) =>
        Messages(request, field: 1)
            .SelectMany(resourceSpans => Messages(resourceSpans, field: 2))
            .SelectMany(scopeSpans => Messages(scopeSpans, field: 2))
            .Select(ReadSpan);

    private static ExportedSpan ReadSpan(byte[] span)
    {
        var fields = Fields(span).Where(field => field.Bytes is not null).ToLookup(field => field.Number, field => field.Bytes!);
        return new ExportedSpan(
            Convert.ToHexStringLower(fields[1].FirstOrDefault() ?? []),
            Convert.ToHexStringLower(fields[2].FirstOrDefault() ?? []),
            Convert.ToHexStringLower(fields[4].FirstOrDefault() ?? []),
            Encoding.UTF8.GetString(fields[5].FirstOrDefault() ?? []));
    }

    private static IEnumerable<byte[]> Messages(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Bytes is not null).Select(f => f.Bytes!);

    /// <summary>Every top-level field; only length-delimited ones carry bytes, the rest are skipped over.</summary>
    private static List<(int Number, byte[]? Bytes)> Fields(byte[] message)
    {
        var fields = new List<(int, byte[]?)>();
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    ReadVarint(message, ref position);
                    fields.Add((number, null));
                    break;
                case 1:
                    position += 8;
                    fields.Add((number, null));
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    fields.Add((number, message[position..(position + length)]));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    fields.Add((number, null));
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {key & 7} at byte {position}.");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
