using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace IqosBot.TextKeys.Generator;

/// <summary>
/// An array compared by its items. The incremental pipeline compares each step's result with the last
/// build's to skip the work after it; a plain array or ImmutableArray compares by reference and never matches.
/// </summary>
internal readonly struct EquatableArray<T>(T[] items) : IEquatable<EquatableArray<T>>, IEnumerable<T>
    where T : IEquatable<T>
{
    private readonly T[] items = items;

    public int Length => Items.Length;

    private T[] Items => items ?? [];

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
        => Items.Aggregate(17, (hash, item) => unchecked((hash * 31) + item.GetHashCode()));

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
