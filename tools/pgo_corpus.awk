# pgo_corpus.awk: the training text of the profile-guided build (tools/pgo_train.sh,
# docs/ARCHITECTURE.md "Build"), as JSON Lines dated like the golden tests: text written for
# this project, no corpus. The golden tests' input sentences (tests/golden/) make articles of
# six sentences, laid out in turn as paragraphs on one line, as hard-wrapped indented lines
# (a wire's layout) and as one line; a file of examples/ or tools/pgo_text.txt (wire stories
# with figures and a table, repeated: flush_whole) is one article as it is.
#   LC_ALL=C awk -f tools/pgo_corpus.awk tests/golden/*.txt tests/golden/*.tsv \
#       examples/*.txt tools/pgo_text.txt > train.jsonl
# Which lines are text depends on the file's format: events*.txt, every line that is
# not blank, a comment (#) or an expected event (=); actors and leaders files, "> "
# lines; sentences.txt, the lines between "## case" and "--"; the .tsv files, their
# text columns.

function esc(s) {
    gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/[[:cntrl:]]/, " ", s)
    return s
}
function add(s) {
    if (s ~ /^[ \t]*$/) return
    sent[n++] = esc(s)
    if (n >= 6) flush()
}
# the sentences gathered so far as one article, in the next of the three layouts
function flush(    i, text, line, words, nw, k) {
    if (n == 0) return
    text = ""
    if (docs % 3 == 0) {
        for (i = 0; i < n; i++) text = text (i == 0 ? "" : i % 3 == 0 ? "\\n\\n" : " ") sent[i]
    } else if (docs % 3 == 1) {
        line = ""
        for (i = 0; i < n; i++) {
            if (i % 3 == 0) { if (line != "") text = text line "\\n"; line = "    " }
            nw = split(sent[i], words, " ")
            for (k = 1; k <= nw; k++) {
                if (length(line) + length(words[k]) > 66 && line !~ /^ *$/) { text = text line "\\n"; line = "" }
                line = line (line ~ /^ *$/ ? "" : " ") words[k]
            }
        }
        text = text line
    } else {
        for (i = 0; i < n; i++) text = text (i ? " " : "") sent[i]
    }
    printf "{\"id\":\"train-%d\",\"date\":\"2024-01-17\",\"text\":\"%s\"}\n", ++docs, text
    n = 0
}
# the file just read as one article; tools/pgo_text.txt thirty times, so that its stories
# weigh about 40% of the training: most news stories code no event, the golden sentences
# nearly all do, and a profile of those alone puts the other paths out of line
function flush_whole(    r) {
    if (whole == "") return
    for (r = 0; r < (name == "pgo_text.txt" ? 30 : 1); r++)
        printf "{\"id\":\"train-%d\",\"date\":\"2024-01-17\",\"text\":\"%s\"}\n", ++docs, whole
    whole = ""
}
FNR == 1 {
    flush(); flush_whole()
    name = FILENAME; sub(/.*\//, "", name); insent = 0
}
FILENAME ~ /(^|\/)examples\// || name == "pgo_text.txt" { whole = whole esc($0) "\\n"; next }
name ~ /^events.*\.txt$/ { if ($0 !~ /^(#|=)/) add($0); next }
name ~ /^(actors-|leaders-).*\.txt$/ { if (substr($0, 1, 2) == "> ") add(substr($0, 3)); next }
name == "sentences.txt" {
    if (substr($0, 1, 3) == "## ") insent = 1
    else if ($0 == "--") insent = 0
    else if (insent) add($0)
    next
}
name ~ /\.tsv$/ {
    if ($0 ~ /^#/) next
    split($0, col, "\t"); gsub(/\\n/, " ", col[1]); gsub(/\\n/, " ", col[2])
    if (name == "timex.tsv") add(col[2])
    else if (name == "headline.tsv") { add(col[1] "."); add(col[2]) }
    else add(col[1])
    next
}
END { flush(); flush_whole() }
