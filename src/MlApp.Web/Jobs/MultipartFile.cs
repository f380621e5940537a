using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MlApp.Web.Http;

namespace MlApp.Web.Jobs;

/// <summary>Finds one file field of a <c>multipart/form-data</c> request and streams it without buffering the body.</summary>
public static class MultipartFile
{
    /// <returns>The file's bytes as they arrive, or null when the request is not multipart or has no such file field.</returns>
    /// <exception cref="BadHttpRequestException">The multipart framing is broken, now or while the file is read.</exception>
    public static async Task<Stream?> OpenAsync(HttpRequest request, string field, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        // No per-section limit here: CsvUploadStream enforces the configured caps with a clear message.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        while (await ClientBodyStream.ReadAsync(() => reader.ReadNextSectionAsync(cancellationToken)) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Value == field)
            {
                return new ClientBodyStream(section.Body, atEnd: cancellationToken => ReadToEndAsync(reader, cancellationToken));
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the parts after the file and the closing delimiter: a body cut off after the file's own boundary but before
    /// the closing <c>--</c> throws here, before anything acts on the file.
    /// </summary>
    private static async Task ReadToEndAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            await section.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
    }
}
