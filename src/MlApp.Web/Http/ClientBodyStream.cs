using MlApp.ServiceDefaults.IO;

namespace MlApp.Web.Http;

/// <summary>
/// A stream read from the client's request (the body, or a part of a multipart body). A read that fails because of what
/// the client sent (a body cut off before its closing boundary, broken part framing) throws
/// <see cref="BadHttpRequestException"/>, which <see cref="BadRequestExceptionHandler"/> answers with a 400, wherever
/// the read happens: in our code, or inside the S3 upload that pulls this stream.
/// </summary>
/// <param name="atEnd">Runs when <paramref name="inner"/> ends, before the end is passed on: e.g. to check that the rest of
/// the request is complete, so that no reader of this stream acts on a file whose request was cut off.</param>
public sealed class ClientBodyStream(Stream inner, Func<CancellationToken, Task>? atEnd = null) : ReadOnlyStream
{
    /// <summary>Runs one read of the client's body, turning a failure caused by its content into <see cref="BadHttpRequestException"/>.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (IsMalformedBody(e))
        {
            throw Malformed(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            var read = inner.Read(buffer, offset, count);
            if (read == 0 && count > 0 && atEnd is not null)
            {
                atEnd(CancellationToken.None).GetAwaiter().GetResult();
            }

            return read;
        }
        catch (Exception e) when (IsMalformedBody(e))
        {
            throw Malformed(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (read == 0 && buffer.Length > 0 && atEnd is not null)
            {
                await atEnd(cancellationToken);
            }

            return read;
        }
        catch (Exception e) when (IsMalformedBody(e))
        {
            throw Malformed(e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // MultipartReader reports a truncated body as IOException and broken part headers as InvalidDataException. Kestrel's
    // own BadHttpRequestException (an IOException too) already carries the right status: 400, 408 or 413.
    private static bool IsMalformedBody(Exception e) => e is (IOException or InvalidDataException) and not BadHttpRequestException;

    private static BadHttpRequestException Malformed(Exception e) =>
        new($"The request body is malformed: {e.Message}", StatusCodes.Status400BadRequest, e);
}
