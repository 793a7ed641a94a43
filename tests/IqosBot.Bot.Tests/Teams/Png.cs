using System.Buffers.Binary;
using System.IO.Compression;

namespace IqosBot.Bot.Tests.Teams;

/// <summary>
/// Just enough of PNG to check Teams' icon rules: the size from the header, and the pixels of an 8-bit RGB or RGBA,
/// non-interlaced image (what the icons are; anything else is reported, not guessed at).
/// </summary>
internal sealed class Png
{
    private readonly byte[] _rows;
    private readonly int _channels;

    private Png(int width, int height, int channels, byte[] rows)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _rows = rows;
    }

    public int Width { get; }

    public int Height { get; }

    public static Png Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{path} is not a PNG file.");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.True(data[8] == 8 && data[12] == 0, $"{path}: only 8-bit non-interlaced images are read here.");
                channels = data[9] switch
                {
                    2 => 3,
                    6 => 4,
                    _ => throw new InvalidDataException($"{path}: colour type {data[9]} is not RGB or RGBA."),
                };
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new Png(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>Every pixel as red, green, blue and alpha (255 where the image has no alpha).</summary>
    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < _rows.Length; i += _channels)
        {
            yield return (_rows[i], _rows[i + 1], _rows[i + 2], _channels == 4 ? _rows[i + 3] : (byte)255);
        }
    }

    /// <summary>Undoes PNG's per-row filters (none, sub, up, average, Paeth).</summary>
    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var rows = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var raw = data[(y * (stride + 1)) + 1 + x];
                int left = x >= channels ? rows[(y * stride) + x - channels] : 0;
                int up = y > 0 ? rows[((y - 1) * stride) + x] : 0;
                int upLeft = x >= channels && y > 0 ? rows[((y - 1) * stride) + x - channels] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter} does not exist."),
                };
                rows[(y * stride) + x] = (byte)(raw + predicted);
            }
        }

        return rows;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
