using System.Globalization;
using System.Text;
using MlApp.BatchJob.Csv;

namespace MlApp.Tests.Unit.Batch;

/// <summary>
/// <see cref="ShortestSingle"/> must write what <c>float.ToString("R", InvariantCulture)</c> writes, since the result
/// file's bytes must not change. Every one of the 2^32 floats was compared once (the note of issue 18); these keep
/// the edges and a large sample of the rest.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ShortestSingleTests
{
    public static TheoryData<float> Edges => new(
        0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity,
        float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1.17549435E-38f, 1.1754942E-38f,
        1f, -1f, 0.1f, 0.2f, 0.3f, 1.0000001f, 0.99999994f, 0.5f, 1e-3f, 1e-4f, 1e-5f, 9.9999e-5f, 0.00012345678f,
        123456789f, 1234567890f, 100000000f, 999999936f, 1e9f, 1e10f, 16777216f, 16777218f, 8388608.5f,
        12345.678f, 60f, -60f, 1e15f, 1e-38f, 2.3283064E-10f, 7.038531E-26f);

    [Theory]
    [MemberData(nameof(Edges))]
    public void An_edge_is_written_as_dotnet_writes_it(float value) => AssertSame(value);

    [Fact]
    public void A_million_floats_of_every_exponent_are_written_as_dotnet_writes_them()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 1_000_000; i++)
        {
            AssertSame(BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)));
        }
    }

    [Fact]
    public void Every_float_around_the_switches_to_scientific_notation_is_written_as_dotnet_writes_it()
    {
        // Plain down to 0.0001 and up to 9 integer digits: the neighbours on either side of each switch.
        foreach (var edge in new[] { 1e-4f, 1e-5f, 1e9f, 1e8f })
        {
            var bits = BitConverter.SingleToUInt32Bits(edge);
            for (var step = -20_000; step <= 20_000; step++)
            {
                AssertSame(BitConverter.UInt32BitsToSingle((uint)(bits + step)));
            }
        }
    }

    private static void AssertSame(float value)
    {
        Span<byte> written = stackalloc byte[ShortestSingle.MaxBytes];
        var length = ShortestSingle.Format(value, written);
        var expected = value.ToString("R", CultureInfo.InvariantCulture);
        if (Encoding.ASCII.GetString(written[..length]) != expected)
        {
            Assert.Fail($"{BitConverter.SingleToUInt32Bits(value):X8}: .NET writes {expected}, ShortestSingle wrote {Encoding.ASCII.GetString(written[..length])}");
        }
    }
}
