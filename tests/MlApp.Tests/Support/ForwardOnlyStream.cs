namespace MlApp.Tests.Support;

/// <summary>
/// A stream that can only be read forward, like a request body, optionally failing after some bytes, like a
/// client that disconnects mid-upload.
/// </summary>
public sealed class ForwardOnlyStream(byte[] content, long failAfterBytes = long.MaxValue) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= failAfterBytes)
        {
            throw new IOException("The client went away mid-upload.");
        }

        var available = (int)Math.Min(Math.Min(count, content.Length - _position), failAfterBytes - _position);
        Array.Copy(content, _position, buffer, offset, available);
        _position += available;
        return available;
    }

    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
