using System.Numerics;

namespace MlApp.BatchJob.Csv;

/// <summary>
/// Ulf Adams' Ryū for floats ("Ryū: fast float-to-string conversion", PLDI 2018; the reference f2s.c): the shortest
/// decimal digits that read back as the same float, and of those the closest to it, which is what .NET's "R" writes.
/// Integer arithmetic only: a multiply by a 64-bit power of five (or its inverse) and a shift, then digits dropped while
/// the float's interval of values still holds a shorter number.
/// </summary>
internal static class RyuSingle
{
    private const int MantissaBits = 23;
    private const int ExponentBias = 127;
    private const int Pow5InverseBits = 59;
    private const int Pow5Bits = 61;

    // Ryū's tables, made from their definition: the top 61 bits of 5^i, and 2^(bitlength(5^q) + 58) / 5^q rounded up.
    private static readonly ulong[] Pow5Split = [.. Enumerable.Range(0, 47).Select(i => Top(BigInteger.Pow(5, i)))];
    private static readonly ulong[] Pow5InverseSplit = [.. Enumerable.Range(0, 31).Select(q => Inverse(BigInteger.Pow(5, q)))];

    /// <summary>Ryū's f2d: the shortest digits (without trailing zeros) and their power of ten, for a finite non-zero float.</summary>
    public static (uint Digits, int Exponent) ShortestDigits(uint bits)
    {
        var mantissa = bits & ((1u << MantissaBits) - 1);
        var biased = (int)((bits >> MantissaBits) & 0xFF);
        var (e2, m2) = biased == 0
            ? (1 - ExponentBias - MantissaBits - 2, mantissa)
            : (biased - ExponentBias - MantissaBits - 2, (1u << MantissaBits) | mantissa);
        var acceptBounds = (m2 & 1) == 0;

        // The float's interval of values that read back as it: [mm, mp] around mv, all times 2^e2.
        var mv = 4 * m2;
        var mp = 4 * m2 + 2;
        var mmShift = mantissa != 0 || biased <= 1 ? 1u : 0u;
        var mm = 4 * m2 - 1 - mmShift;

        uint vr, vp, vm;
        int e10;
        var vmIsTrailingZeros = false;
        var vrIsTrailingZeros = false;
        uint lastRemovedDigit = 0;
        if (e2 >= 0)
        {
            var q = Log10Pow2(e2);
            e10 = q;
            var k = Pow5InverseBits + Pow5BitLength(q) - 1;
            var i = -e2 + q + k;
            vr = MulShift(mv, Pow5InverseSplit[q], i);
            vp = MulShift(mp, Pow5InverseSplit[q], i);
            vm = MulShift(mm, Pow5InverseSplit[q], i);
            if (q != 0 && (vp - 1) / 10 <= vm / 10)
            {
                var l = Pow5InverseBits + Pow5BitLength(q - 1) - 1;
                lastRemovedDigit = MulShift(mv, Pow5InverseSplit[q - 1], -e2 + q - 1 + l) % 10;
            }

            if (q <= 9)
            {
                if (mv % 5 == 0)
                {
                    vrIsTrailingZeros = Pow5Factor(mv) >= q;
                }
                else if (acceptBounds)
                {
                    vmIsTrailingZeros = Pow5Factor(mm) >= q;
                }
                else if (Pow5Factor(mp) >= q)
                {
                    vp--;
                }
            }
        }
        else
        {
            var q = Log10Pow5(-e2);
            e10 = q + e2;
            var i = -e2 - q;
            var j = q - (Pow5BitLength(i) - Pow5Bits);
            vr = MulShift(mv, Pow5Split[i], j);
            vp = MulShift(mp, Pow5Split[i], j);
            vm = MulShift(mm, Pow5Split[i], j);
            if (q != 0 && (vp - 1) / 10 <= vm / 10)
            {
                j = q - 1 - (Pow5BitLength(i + 1) - Pow5Bits);
                lastRemovedDigit = MulShift(mv, Pow5Split[i + 1], j) % 10;
            }

            if (q <= 1)
            {
                vrIsTrailingZeros = true;
                if (acceptBounds)
                {
                    vmIsTrailingZeros = mmShift == 1;
                }
                else
                {
                    vp--;
                }
            }
            else if (q < 31)
            {
                vrIsTrailingZeros = (mv & ((1u << (q - 1)) - 1)) == 0;
            }
        }

        // Drop digits while the interval still holds a shorter number, then (where its lower end is exact) the zeros it
        // ends in; Ryū's two loops in one, since once no shorter number is left, none comes back. Then round the rest.
        var removed = 0;
        while (vp / 10 > vm / 10 || (vmIsTrailingZeros && vm % 10 == 0))
        {
            vmIsTrailingZeros &= vm % 10 == 0;
            vrIsTrailingZeros &= lastRemovedDigit == 0;
            lastRemovedDigit = vr % 10;
            vr /= 10;
            vp /= 10;
            vm /= 10;
            removed++;
        }

        if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
        {
            lastRemovedDigit = 4; // exactly halfway: round to even
        }

        var roundUp = (vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5;
        var digits = vr + (roundUp ? 1u : 0u);
        var exponent = e10 + removed;
        for (; digits % 10 == 0; digits /= 10)
        {
            exponent++;
        }

        return (digits, exponent);
    }

    private static uint MulShift(uint m, ulong factor, int shift)
    {
        var low = (ulong)m * (uint)factor;
        var high = (ulong)m * (uint)(factor >> 32);
        return (uint)(((low >> 32) + high) >> (shift - 32));
    }

    private static int Pow5Factor(uint value)
    {
        var count = 0;
        for (; value % 5 == 0; value /= 5)
        {
            count++;
        }

        return count;
    }

    /// <summary>bitlength(5^e) for e ≥ 1, and 1 for e = 0.</summary>
    private static int Pow5BitLength(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    /// <summary>floor(log10(2^e)).</summary>
    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    /// <summary>floor(log10(5^e)).</summary>
    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static ulong Top(BigInteger power) => (ulong)(power.GetBitLength() >= Pow5Bits
        ? power >> (int)(power.GetBitLength() - Pow5Bits)
        : power << (int)(Pow5Bits - power.GetBitLength()));

    private static ulong Inverse(BigInteger power) => (ulong)((BigInteger.One << (int)(power.GetBitLength() - 1 + Pow5InverseBits)) / power + 1);
}
