using System.Buffers;
using Newtonsoft.Json;

namespace IqosBot.Storage;

/// <summary>
/// Newtonsoft's readers and writers rent their character buffers here (from the shared array pool) instead of
/// allocating them for every document: the state read and written every turn, the activity posted, the answer.
/// </summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static JsonCharPool Instance { get; } = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
