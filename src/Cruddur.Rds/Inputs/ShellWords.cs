using System.Text;

namespace Cruddur.Rds.Inputs;

/// <summary>A word of a shell command; <c>Expands</c> when it holds a <c>$</c> the shell would substitute.</summary>
public sealed record Word(string Text, bool Expands);

/// <summary>The commands of a script and its comments.</summary>
public sealed record ShellScript(IReadOnlyList<IReadOnlyList<Word>> Commands, IReadOnlyList<string> Comments);

/// <summary>
/// Just enough of the POSIX shell grammar to read a pasted <c>aws</c> command: backslash line
/// continuations, single and double quotes, backslash escapes, comments, and commands separated by
/// newlines, <c>;</c>, <c>&amp;</c> or <c>|</c> (single or doubled). Errors never quote the text: it may hold a password.
/// </summary>
public static class ShellWords
{
    public static ShellScript Parse(string text)
    {
        var commands = new List<IReadOnlyList<Word>>();
        var comments = new List<string>();
        var command = new List<Word>();
        var word = new StringBuilder();
        bool inWord = false, expands = false;

        void EndWord()
        {
            if (inWord) command.Add(new Word(word.ToString(), expands));
            word.Clear();
            inWord = expands = false;
        }
        void EndCommand()
        {
            EndWord();
            if (command.Count > 0) commands.Add(command);
            command = [];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length && text[i + 1] is '\n' or '\r':
                    i += text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 2 : 1;
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0) throw new RdsException("the command has an unterminated single quote");
                    word.Append(text, i + 1, close - i - 1);
                    inWord = true;
                    i = close;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i, word, ref expands);
                    inWord = true;
                    break;
                case '#' when !inWord:
                    var end = text.IndexOf('\n', i);
                    if (end < 0) end = text.Length;
                    comments.Add(text[(i + 1)..end].Trim());
                    i = end - 1;
                    break;
                case '\n' or ';':
                    EndCommand();
                    break;
                case '&' or '|':
                    EndCommand();
                    if (i + 1 < text.Length && text[i + 1] == c) i++;
                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    break;
                default:
                    if (c == '$') expands = true;
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        EndCommand();
        return new ShellScript(commands, comments);
    }

    static int ReadDoubleQuoted(string text, int open, StringBuilder word, ref bool expands)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') return i;
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`') c = text[++i];
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] == '\n') { i++; continue; }
            else if (c == '$') expands = true;
            word.Append(c);
        }
        throw new RdsException("the command has an unterminated double quote");
    }
}
