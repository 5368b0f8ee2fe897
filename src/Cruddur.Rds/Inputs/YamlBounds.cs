using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// Walks a YAML text's parser events, without building it, and refuses what would be too big or too
/// deep once aliases are expanded (a "billion laughs" bomb is a few lines of anchors). Counts each
/// anchor's expanded size and height, so the check itself stays linear in the text.
/// </summary>
public static class YamlBounds
{
    sealed class Collection(string? anchor)
    {
        public string? Anchor { get; } = anchor;
        public long Nodes { get; set; } = 1;
        public int Height { get; set; } = 1;
    }

    public static void Check(string text)
    {
        var anchors = new Dictionary<string, (long Nodes, int Height)>(StringComparer.Ordinal);
        var open = new Stack<Collection>();
        long nodes = 0;
        var aliases = false;
        var documents = 0;

        void Add(long size, int height, string? anchor)
        {
            if (anchor is not null) anchors[anchor] = (size, height);
            if (open.Count + height > InputLimits.MaxDepth)
                throw new RdsException($"the YAML nests deeper than {InputLimits.MaxDepth} levels{(aliases ? " once its aliases are expanded" : "")}");
            if (open.TryPeek(out var parent))
            {
                parent.Nodes += size;
                parent.Height = Math.Max(parent.Height, height + 1);
            }
            else nodes += size;
            if ((parent?.Nodes ?? nodes) > InputLimits.MaxYamlNodes)
                throw new RdsException(aliases
                    ? $"the YAML expands to more than {InputLimits.MaxYamlNodes} nodes through its aliases (a YAML bomb)"
                    : $"the YAML holds more than {InputLimits.MaxYamlNodes} nodes");
        }

        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart when ++documents > 1:
                    throw new RdsException("the YAML holds more than one document (a template is one)");
                case Scalar scalar:
                    Add(1, 1, Name(scalar.Anchor));
                    break;
                case AnchorAlias alias:
                    aliases = true;
                    var (size, height) = anchors.GetValueOrDefault(alias.Value.Value, (1, 1));
                    Add(size, height, null);
                    break;
                case NodeEvent start and (MappingStart or SequenceStart):
                    open.Push(new Collection(Name(start.Anchor)));
                    if (open.Count > InputLimits.MaxDepth) throw new RdsException($"the YAML nests deeper than {InputLimits.MaxDepth} levels");
                    break;
                case MappingEnd or SequenceEnd:
                    var done = open.Pop();
                    Add(done.Nodes, done.Height, done.Anchor);
                    break;
            }
        }
    }

    static string? Name(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
}
