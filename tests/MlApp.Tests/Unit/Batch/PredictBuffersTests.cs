using MlApp.BatchJob;
using MlApp.Tests.Unit.Model;

namespace MlApp.Tests.Unit.Batch;

[Trait("Category", "Unit")]
public sealed class PredictBuffersTests
{
    [Fact]
    public void A_chunk_that_fits_gets_the_same_columns_emptied_and_its_errors_cleared()
    {
        var buffers = new PredictBuffers(TestModels.PenguinsCard, cells: 6);
        var first = buffers.For(4, out var errors);
        first.Add(TestModels.Adelie());
        errors[3] = "a bad row of the chunk before";

        var second = buffers.For(3, out errors);

        Assert.Same(first, second);
        Assert.Equal(0, second.Count);
        Assert.Equal(3, errors.Length);
        Assert.All(errors.ToArray(), Assert.Null);

        Assert.Same(first, buffers.For(4, out errors));
        Assert.Null(errors[3]);
    }

    [Fact]
    public void A_chunk_larger_than_any_before_gets_larger_columns()
    {
        var buffers = new PredictBuffers(TestModels.PenguinsCard, cells: 6);
        var small = buffers.For(2, out _);

        var large = buffers.For(5, out var errors);

        Assert.NotSame(small, large);
        Assert.Equal(5, large.Capacity);
        Assert.Equal(5, errors.Length);
        Assert.Equal(6, buffers.CellEnds.Length);
    }
}
