namespace IqosBot.Recognition.Embedded;

/// <summary>
/// Nearest-neighbour scorer on character 3–5 grams with TF-IDF weights: for each intent, the cosine
/// similarity of the message to its closest training example. It is robust to typos and compounds
/// ("garantitiden", "registera") where a word model sees unknown words.
/// </summary>
internal sealed class CharNgramNearestNeighbour
{
    private const int MinN = 3;
    private const int MaxN = 5;

    /// <summary>
    /// Grams found in more than this share of the examples (" jag", "the ") carry almost no weight but
    /// long posting lists; leaving them out keeps a prediction cheap at no cost in accuracy.
    /// </summary>
    private const double MaxDocumentShare = 0.05;

    // Grams are keyed by a 64-bit hash of their characters: no string is allocated per gram, which keeps
    // a prediction well under a millisecond. A collision among a few thousand grams is vanishingly rare.
    private readonly Dictionary<ulong, List<(int Example, float Weight)>> _postings = [];
    private readonly Dictionary<ulong, float> _idf = [];
    private readonly int[] _exampleLabel;
    private readonly int _labelCount;
    private readonly float _unknownIdf;

    /// <param name="examples">Folded example texts with the index of their label.</param>
    public CharNgramNearestNeighbour(IReadOnlyList<(string FoldedText, int Label)> examples, int labelCount)
    {
        _labelCount = labelCount;
        _exampleLabel = examples.Select(example => example.Label).ToArray();

        var termCounts = examples.Select(example => CountGrams(example.FoldedText)).ToArray();
        var documentFrequency = new Dictionary<ulong, int>();
        foreach (var gram in termCounts.SelectMany(counts => counts.Keys))
        {
            documentFrequency[gram] = documentFrequency.GetValueOrDefault(gram) + 1;
        }

        var n = examples.Count;
        foreach (var (gram, df) in documentFrequency)
        {
            _idf[gram] = df > MaxDocumentShare * n ? 0f : (float)(Math.Log((n + 1.0) / (df + 1.0)) + 1.0);
        }

        // A gram never seen in training is as rare as can be.
        _unknownIdf = (float)(Math.Log(n + 1.0) + 1.0);

        for (var example = 0; example < n; example++)
        {
            var weights = termCounts[example].ToDictionary(pair => pair.Key, pair => pair.Value * _idf[pair.Key]);
            var norm = Math.Max(1e-6f, (float)Math.Sqrt(weights.Values.Sum(weight => weight * weight)));
            foreach (var (gram, weight) in weights)
            {
                if (weight == 0f)
                {
                    continue;
                }

                if (!_postings.TryGetValue(gram, out var list))
                {
                    _postings[gram] = list = [];
                }

                list.Add((example, weight / norm));
            }
        }
    }

    /// <summary>Per label, the best cosine similarity (0–1) of the message to one of that label's examples.</summary>
    public float[] Score(string foldedText)
    {
        var best = new float[_labelCount];
        if (foldedText.Length == 0)
        {
            return best;
        }

        // The per-call buffers are the thread's own and reused: a similarity per training example (thousands of them)
        // and the message's grams were a tenth of everything a FAQ turn allocated (bench/README.md).
        var scratch = t_scratch ??= new Scratch();
        var counts = scratch.Counts;
        counts.Clear();
        CountGrams(foldedText, counts);

        var similarity = scratch.Similarity(_exampleLabel.Length);
        var squares = 0f;
        foreach (var (gram, count) in counts)
        {
            var weight = count * _idf.GetValueOrDefault(gram, _unknownIdf);
            squares += weight * weight;
            if (_postings.TryGetValue(gram, out var postings))
            {
                foreach (var (example, exampleWeight) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(postings))
                {
                    similarity[example] += weight * exampleWeight;
                }
            }
        }

        var queryNorm = Math.Max(1e-6f, (float)Math.Sqrt(squares));
        for (var example = 0; example < _exampleLabel.Length; example++)
        {
            var label = _exampleLabel[example];
            var cosine = similarity[example] / queryNorm;
            if (cosine > best[label])
            {
                best[label] = cosine;
            }
        }

        // The bot cuts messages long before this; a caller that scores a whole document does not leave its
        // thread holding a dictionary of that size.
        if (counts.Count > MaxKeptGrams)
        {
            scratch.Counts = [];
        }

        return best;
    }

    private const int MaxKeptGrams = 16 * 1024;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>One thread's buffers for <see cref="Score"/>; it never awaits, so nothing else on the thread can use them meanwhile.</summary>
    private sealed class Scratch
    {
        private float[] _similarity = [];

        public Dictionary<ulong, int> Counts { get; set; } = [];

        /// <summary>At least <paramref name="length"/> zeros.</summary>
        public float[] Similarity(int length)
        {
            if (_similarity.Length < length)
            {
                _similarity = new float[length];
            }
            else
            {
                Array.Clear(_similarity, 0, length);
            }

            return _similarity;
        }
    }

    private static Dictionary<ulong, int> CountGrams(string foldedText)
    {
        var counts = new Dictionary<ulong, int>();
        CountGrams(foldedText, counts);
        return counts;
    }

    private static void CountGrams(string foldedText, Dictionary<ulong, int> counts)
    {
        if (foldedText.Length == 0)
        {
            return;
        }

        // Spaces at both ends let word beginnings and endings form grams of their own.
        Span<char> padded = foldedText.Length <= 254 ? stackalloc char[foldedText.Length + 2] : new char[foldedText.Length + 2];
        padded[0] = ' ';
        foldedText.AsSpan().CopyTo(padded[1..]);
        padded[^1] = ' ';
        for (var n = MinN; n <= MaxN; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                var gram = Hash(padded.Slice(start, n));
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, gram, out _)++;
            }
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units, with the length mixed in so grams of different n never meet.</summary>
    private static ulong Hash(ReadOnlySpan<char> gram)
    {
        var hash = 14695981039346656037UL ^ (ulong)gram.Length;
        foreach (var c in gram)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
