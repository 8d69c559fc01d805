/* The common web page read from its markup, without building its tree.
 *
 * ``scan(markup, spans, table_type, word_lists, stored)`` collects what ``read_html``'s
 * walk of lxml's tree collects (``_walk`` + a ``_Collector`` with those ``spans``,
 * ``word_lists`` and ``stored_numbers``: the raw texts, the blocks with their source
 * lines, the tables' first cell, widths and spans, and the flags), in one pass over the
 * page's UTF-8, or returns None when it cannot be certain that the tree would read the
 * page so: ``read_html`` then builds the tree. It follows libxml2 2.14's HTML parser
 * (an HTML5 tokenizer; start tags that close the element open before them, end tags that
 * reach only as far as their rank) and reads only the pages whose tree it can tell for
 * certain: an explicit <html> and <body>, tables that hold no tables and whose cells sit
 * in rows, known entities, no scripts that write the page, no hidden elements.
 *
 * ``text_marks(text, classes)`` finds in one pass over a text what
 * ``normalize.normalize_text``'s passes look for (its ``_marks``);
 * ``finished_cells(cells)`` whether a table's cells are finished (``normalize._finished``)
 * without joining them.
 *
 * The markup is untrusted: every read is bounds-checked, every buffer grows with checked
 * sizes, and any Python API failure propagates. The tests compare both readings on every
 * fixture page and on generated tangled pages; fuzz/ holds a libFuzzer harness.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef SCAN_DEBUG
#include <stdio.h>
static int unsure_at(int line) { fprintf(stderr, "unsure at %d\n", line); return 1; }
#define UNSURE unsure_at(__LINE__)
#else
#define UNSURE 1   /* the page is left to the tree */
#endif
#define FAILED (-1) /* a Python exception is set */
#define REWOUND 2  /* a table is read again as a container (run: go on) */
#define TRY(call) do { int r_ = (call); if (r_) return r_; } while (0)
#define NAME_MAX_LEN 31
#define MAX_DEPTH 200
#define MAX_LINE 65000L

/* ---------------------------------------------------------------- buffers */

typedef struct {
    char *p;
    Py_ssize_t n, cap;
} Buf;

/* The array at ``*slot`` (``elem`` bytes an element, ``*cap`` of them) made to hold
 * ``need``: its capacity doubled from ``first`` until it does, every size checked. The
 * pointer is read and written with memcpy, so that one function serves every element type
 * without reading a ``T *`` through a ``void *`` (strict aliasing). */
static int grow(void *slot, Py_ssize_t *cap, Py_ssize_t need, size_t elem, Py_ssize_t first) {
    if (need <= *cap)
        return 0;
    Py_ssize_t limit = (Py_ssize_t)((size_t)PY_SSIZE_T_MAX / elem);
    if (need > limit) {
        PyErr_NoMemory();
        return FAILED;
    }
    Py_ssize_t grown = *cap > 0 ? *cap : first;
    while (grown < need)
        grown = grown > limit / 2 ? need : grown * 2;
    void *old;
    memcpy(&old, slot, sizeof(old));
    void *p = PyMem_Realloc(old, (size_t)grown * elem);
    if (p == NULL) {
        PyErr_NoMemory();
        return FAILED;
    }
    memcpy(slot, &p, sizeof(p));
    *cap = grown;
    return 0;
}

#define GROW(array, cap, need, first) grow(&(array), &(cap), (need), sizeof(*(array)), (first))

static int buf_reserve(Buf *b, Py_ssize_t extra) {
    if (extra < 0 || b->n > PY_SSIZE_T_MAX - extra) {
        PyErr_NoMemory();
        return FAILED;
    }
    return GROW(b->p, b->cap, b->n + extra, 128);
}

static int buf_put(Buf *b, const char *s, Py_ssize_t k) {
    if (k <= 0)
        return 0;
    TRY(buf_reserve(b, k));
    memcpy(b->p + b->n, s, (size_t)k);
    b->n += k;
    return 0;
}

static void buf_free(Buf *b) {
    PyMem_Free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

/* ---------------------------------------------------------------- UTF-8 helpers */

/* The code point at *i (valid UTF-8, from a str), *i moved past it. */
static Py_UCS4 u8_next(const unsigned char *s, Py_ssize_t n, Py_ssize_t *i) {
    Py_ssize_t k = *i;
    unsigned char c = s[k];
    if (c < 0x80 || k + 1 >= n) {
        *i = k + 1;
        return c;
    }
    if (c < 0xE0) {
        *i = k + 2;
        return ((Py_UCS4)(c & 0x1F) << 6) | (s[k + 1] & 0x3F);
    }
    if (c < 0xF0 || k + 3 >= n) {
        if (k + 2 >= n) {
            *i = n;
            return 0xFFFD;
        }
        *i = k + 3;
        return ((Py_UCS4)(c & 0x0F) << 12) | ((Py_UCS4)(s[k + 1] & 0x3F) << 6) | (s[k + 2] & 0x3F);
    }
    *i = k + 4;
    return ((Py_UCS4)(c & 0x07) << 18) | ((Py_UCS4)(s[k + 1] & 0x3F) << 12) |
           ((Py_UCS4)(s[k + 2] & 0x3F) << 6) | (s[k + 3] & 0x3F);
}

/* Where the code point that ends at ``end`` starts. */
static Py_ssize_t u8_prev(const unsigned char *s, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t k = end - 1;
    while (k > start && (s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

static int is_space_cp(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c); }

/* Whether the text holds anything but white space (``text.strip()``). */
static int has_nonspace(const unsigned char *s, Py_ssize_t n) {
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (!(c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)))
                return 1;
            i++;
            continue;
        }
        if (!is_space_cp(u8_next(s, n, &i)))
            return 1;
    }
    return 0;
}

static int ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* ``_collapse_spaces``: runs of ASCII white space as one space, then ``str.strip()``.
 * The result is appended to ``out``; *start is where it begins there. */
static int collapse_into(const char *src, Py_ssize_t n, Buf *out, Py_ssize_t *start) {
    Py_ssize_t base = out->n;
    if (n == 0) { /* (out->p may still be NULL: no arithmetic on it) */
        *start = base;
        return 0;
    }
    TRY(buf_reserve(out, n));
    char *d = out->p + base;
    Py_ssize_t k = 0;
    int run = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c <= ' ' && ascii_space(c)) { /* (one compare for the usual byte) */
            if (!run)
                d[k++] = ' ';
            run = 1;
        } else {
            d[k++] = (char)c;
            run = 0;
        }
    }
    const unsigned char *u = (const unsigned char *)d;
    Py_ssize_t a = 0, b = k;
    while (a < b) {
        Py_ssize_t j = a;
        if (!is_space_cp(u8_next(u, b, &j)))
            break;
        a = j;
    }
    while (b > a) {
        Py_ssize_t j = u8_prev(u, a, b);
        Py_ssize_t t = j;
        if (!is_space_cp(u8_next(u, b, &t)))
            break;
        b = j;
    }
    if (a > 0 && b > a)
        memmove(d, d + a, (size_t)(b - a));
    out->n = base + (b > a ? b - a : 0);
    *start = base;
    return 0;
}

static int contains(const char *hay, Py_ssize_t n, const char *needle) {
    Py_ssize_t k = (Py_ssize_t)strlen(needle);
    if (k == 0)
        return 1;
    for (Py_ssize_t i = 0; i + k <= n; i++) {
        const char *p = memchr(hay + i, needle[0], (size_t)(n - k - i + 1));
        if (p == NULL)
            return 0;
        i = p - hay;
        if (memcmp(p, needle, (size_t)k) == 0)
            return 1;
    }
    return 0;
}

/* _REPORT_MARKS: words of the form's tables no menu or footer prints */
static int marks_report(const char *s, Py_ssize_t n) {
    return contains(s, n, "本年新收") || contains(s, n, "申请人情况") || contains(s, n, "第二十条第");
}

/* ---------------------------------------------------------------- tags */

enum {
    F_BLOCK = 1 << 0,
    F_SKIP = 1 << 1,      /* _SKIP */
    F_SECTION = 1 << 2,   /* _SECTIONING */
    F_FRAME = 1 << 3,     /* _PAGE_FRAME */
    F_VOID = 1 << 4,      /* libxml2's empty elements */
    F_RAW = 1 << 5,       /* content is text up to the end tag */
    F_UNSURE = 1 << 6,    /* never scanned in the body */
    F_NOT_IN_CELL = 1 << 7,
    F_TABLE_PART = 1 << 8, /* tr td th tbody thead tfoot caption colgroup col table */
};

typedef struct {
    const char *name;
    int flags;
    int priority;
    const char *closed_by; /* the start tags that close it, space separated */
    int closer;            /* its bit among the closers, or -1 */
    uint64_t closed_mask;
} Tag;

/* sorted by name (bsearch) */
static Tag TAGS[] = {
    {"a", 0, 100, "a fieldset table td th", -1, 0},
    {"address", F_BLOCK, 100, "dd dl dt form li ul", -1, 0},
    {"area", F_VOID, 100, NULL, -1, 0},
    {"article", F_BLOCK | F_SECTION, 100, NULL, -1, 0},
    {"aside", F_SKIP, 100, NULL, -1, 0},
    {"b", 0, 100, "center p td th", -1, 0},
    {"base", F_VOID, 100, NULL, -1, 0},
    {"basefont", F_VOID, 100, NULL, -1, 0},
    {"big", 0, 100, "p", -1, 0},
    {"blockquote", F_BLOCK, 100, NULL, -1, 0},
    {"body", F_BLOCK | F_UNSURE, 200, NULL, -1, 0},
    {"br", F_BLOCK | F_VOID, 100, NULL, -1, 0},
    {"button", F_SKIP, 100, NULL, -1, 0},
    {"canvas", F_SKIP, 100, NULL, -1, 0},
    {"caption", F_BLOCK | F_TABLE_PART, 100, "col colgroup tbody tfoot thead tr", -1, 0},
    {"center", F_BLOCK, 100, NULL, -1, 0},
    {"col", F_VOID | F_TABLE_PART, 100, "col colgroup tbody tfoot thead tr", -1, 0},
    {"colgroup", F_TABLE_PART, 100, "colgroup tbody tfoot thead tr", -1, 0},
    {"dd", F_BLOCK, 100, "dt", -1, 0},
    {"dir", 0, 100, "dd dl dt form ul", -1, 0},
    {"div", F_BLOCK, 150, NULL, -1, 0},
    {"dl", F_BLOCK, 100, "form li", -1, 0},
    {"dt", F_BLOCK, 100, "dd dl", -1, 0},
    {"embed", F_SKIP, 100, NULL, -1, 0},
    {"fieldset", 0, 100, NULL, -1, 0},
    {"figcaption", F_BLOCK, 100, NULL, -1, 0},
    {"figure", F_BLOCK, 100, NULL, -1, 0},
    {"font", 0, 100, "center td th", -1, 0},
    {"footer", F_BLOCK | F_FRAME, 100, NULL, -1, 0},
    {"form", 0, 100, "form", -1, 0},
    {"frame", F_VOID | F_UNSURE, 100, NULL, -1, 0},
    {"frameset", F_UNSURE, 100, NULL, -1, 0},
    {"h1", F_BLOCK, 100, "fieldset form li p table", -1, 0},
    {"h2", F_BLOCK, 100, "fieldset form li p table", -1, 0},
    {"h3", F_BLOCK, 100, "fieldset form li p table", -1, 0},
    {"h4", F_BLOCK, 100, "fieldset form li p table", -1, 0},
    {"h5", F_BLOCK, 100, "fieldset form li p table", -1, 0},
    {"h6", F_BLOCK, 100, "fieldset form li p table", -1, 0},
    {"head", F_SKIP | F_UNSURE, 200, NULL, -1, 0},
    {"header", F_BLOCK | F_FRAME, 100, NULL, -1, 0},
    {"hr", F_BLOCK | F_VOID, 100, "form", -1, 0},
    {"html", F_BLOCK | F_UNSURE, 220, NULL, -1, 0},
    {"i", 0, 100, "center p td th", -1, 0},
    {"iframe", F_SKIP | F_RAW, 100, NULL, -1, 0},
    {"image", F_UNSURE, 100, NULL, -1, 0},
    {"img", F_VOID, 100, NULL, -1, 0},
    {"input", F_SKIP | F_VOID, 100, NULL, -1, 0},
    {"isindex", F_VOID | F_UNSURE, 100, NULL, -1, 0},
    {"legend", 0, 100, "fieldset", -1, 0},
    {"li", F_BLOCK, 100, "li", -1, 0},
    {"link", F_VOID, 100, NULL, -1, 0},
    {"listing", F_UNSURE, 100, "dd dl dt fieldset form li table ul", -1, 0},
    {"main", F_BLOCK | F_SECTION, 100, NULL, -1, 0},
    {"map", F_SKIP, 100, NULL, -1, 0},
    {"math", F_UNSURE, 100, NULL, -1, 0},
    {"menu", 0, 100, "dd dl dt form ul", -1, 0},
    {"meta", F_VOID, 100, NULL, -1, 0},
    {"nav", F_SKIP, 100, NULL, -1, 0},
    {"noembed", F_RAW | F_UNSURE, 100, NULL, -1, 0},
    {"noframes", F_RAW | F_UNSURE, 100, NULL, -1, 0},
    {"noscript", F_SKIP, 100, NULL, -1, 0},
    {"object", F_SKIP, 100, NULL, -1, 0},
    {"ol", F_BLOCK, 100, "form", -1, 0},
    {"optgroup", 0, 100, NULL, -1, 0},
    {"option", F_SKIP, 100, "optgroup option", -1, 0},
    {"p", F_BLOCK, 100,
     "address blockquote body caption center col colgroup dd dir div dl dt fieldset form "
     "frameset h1 h2 h3 h4 h5 h6 head hr li listing menu ol p pre table tbody td tfoot th "
     "title tr ul xmp",
     -1, 0},
    {"param", F_VOID, 100, NULL, -1, 0},
    {"plaintext", F_RAW | F_UNSURE, 100, NULL, -1, 0},
    {"pre", F_BLOCK | F_UNSURE, 100, "dd dl dt fieldset form li table ul", -1, 0},
    {"s", 0, 100, "p", -1, 0},
    {"script", F_SKIP | F_RAW | F_NOT_IN_CELL, 100, NULL, -1, 0},
    {"section", F_BLOCK | F_SECTION, 100, NULL, -1, 0},
    {"select", F_SKIP, 100, NULL, -1, 0},
    {"small", 0, 100, "p", -1, 0},
    {"span", 0, 100, "td th", -1, 0},
    {"strike", 0, 100, "p", -1, 0},
    {"style", F_SKIP | F_RAW | F_NOT_IN_CELL, 100, NULL, -1, 0},
    {"sup", F_NOT_IN_CELL, 100, NULL, -1, 0},
    {"svg", F_SKIP | F_UNSURE, 100, NULL, -1, 0},
    {"table", F_BLOCK | F_TABLE_PART, 190, NULL, -1, 0},
    {"tbody", F_BLOCK | F_TABLE_PART, 180, "tbody tfoot", -1, 0},
    {"td", F_BLOCK | F_TABLE_PART, 160, "tbody td tfoot th tr", -1, 0},
    {"template", F_SKIP | F_UNSURE, 100, NULL, -1, 0},
    {"textarea", F_SKIP | F_RAW | F_UNSURE, 100, NULL, -1, 0},
    {"tfoot", F_BLOCK | F_TABLE_PART, 180, "tbody", -1, 0},
    {"th", F_BLOCK | F_TABLE_PART, 160, "tbody td tfoot th tr", -1, 0},
    {"thead", F_BLOCK | F_TABLE_PART, 180, "tbody tfoot", -1, 0},
    {"title", F_BLOCK | F_RAW | F_UNSURE, 100, NULL, -1, 0},
    {"tr", F_BLOCK | F_TABLE_PART, 170, "tbody tfoot tr", -1, 0},
    {"tt", 0, 100, "p", -1, 0},
    {"u", 0, 100, "p td th", -1, 0},
    {"ul", F_BLOCK, 100, "address form menu pre", -1, 0},
    {"xmp", F_RAW | F_UNSURE, 100, "dd dl dt fieldset form li table ul", -1, 0},
};
#define N_TAGS ((int)(sizeof(TAGS) / sizeof(TAGS[0])))
#define T_UNKNOWN (-1)

/* The tags by first letter and length: BY_GROUP[TAG_FROM[c][len] ...] lists the
 * TAG_COUNT[c][len] tags that begin with the letter c (0 for 'a') and have that length (at
 * most the few of ``h1``..``h6``, ``td th tr tt``) (init_tags). */
static unsigned char TAG_FROM[26][NAME_MAX_LEN + 1];
static unsigned char TAG_COUNT[26][NAME_MAX_LEN + 1];
static unsigned char BY_GROUP[256];

static int tag_id(const char *name, Py_ssize_t len) {
    if (len <= 0 || len > NAME_MAX_LEN)
        return T_UNKNOWN;
    unsigned char first = (unsigned char)name[0];
    if (first < 'a' || first > 'z')
        return T_UNKNOWN;
    int from = TAG_FROM[first - 'a'][len], count = TAG_COUNT[first - 'a'][len];
    for (int g = from; g < from + count; g++) {
        int i = BY_GROUP[g];
        const char *known = TAGS[i].name;
        Py_ssize_t k = 1;
        while (k < len && known[k] == name[k])
            k++;
        if (k == len)
            return i;
    }
    return T_UNKNOWN;
}

static int T_IMG, T_BODY, T_HTML, T_HEAD, T_TABLE, T_TR, T_TD, T_TH, T_TBODY, T_THEAD, T_TFOOT,
    T_CAPTION, T_COLGROUP, T_COL, T_SCRIPT, T_STYLE, T_IFRAME, T_NOSCRIPT, T_TITLE, T_META,
    T_LINK, T_BASE, T_INPUT;

static int init_tags(void) {
    int closers = 0;
    if (N_TAGS > 255) {
        PyErr_SetString(PyExc_SystemError, "_html_scan: too many tags");
        return FAILED;
    }
    for (int i = 0; i < N_TAGS; i++) {
        unsigned char first = (unsigned char)TAGS[i].name[0];
        size_t len = strlen(TAGS[i].name);
        if ((i > 0 && strcmp(TAGS[i - 1].name, TAGS[i].name) >= 0) || first < 'a' ||
            first > 'z' || len == 0 || len > NAME_MAX_LEN) {
            PyErr_SetString(PyExc_SystemError, "_html_scan: tags not sorted");
            return FAILED;
        }
    }
    int placed = 0; /* (a counting sort of the tags by first letter and length) */
    for (int c = 0; c < 26; c++) {
        for (int len = 1; len <= NAME_MAX_LEN; len++) {
            TAG_FROM[c][len] = (unsigned char)placed;
            for (int i = 0; i < N_TAGS; i++) {
                if (TAGS[i].name[0] - 'a' == c && strlen(TAGS[i].name) == (size_t)len) {
                    BY_GROUP[placed++] = (unsigned char)i;
                    TAG_COUNT[c][len]++;
                }
            }
        }
    }
    for (int i = 0; i < N_TAGS; i++) {
        const char *spec = TAGS[i].closed_by;
        while (spec != NULL && *spec) {
            const char *end = strchr(spec, ' ');
            Py_ssize_t len = end ? end - spec : (Py_ssize_t)strlen(spec);
            int closer = tag_id(spec, len);
            if (closer < 0) {
                PyErr_SetString(PyExc_SystemError, "_html_scan: unknown closer");
                return FAILED;
            }
            if (TAGS[closer].closer < 0) {
                if (closers >= 64) {
                    PyErr_SetString(PyExc_SystemError, "_html_scan: too many closers");
                    return FAILED;
                }
                TAGS[closer].closer = closers++;
            }
            TAGS[i].closed_mask |= (uint64_t)1 << TAGS[closer].closer;
            spec = end ? end + 1 : spec + len;
        }
    }
#define ID(var, s) var = tag_id(s, (Py_ssize_t)strlen(s))
    ID(T_BODY, "body"); ID(T_HTML, "html"); ID(T_HEAD, "head"); ID(T_TABLE, "table");
    ID(T_TR, "tr"); ID(T_TD, "td"); ID(T_TH, "th"); ID(T_TBODY, "tbody");
    ID(T_THEAD, "thead"); ID(T_TFOOT, "tfoot"); ID(T_CAPTION, "caption");
    ID(T_COLGROUP, "colgroup"); ID(T_COL, "col"); ID(T_SCRIPT, "script");
    ID(T_STYLE, "style"); ID(T_IFRAME, "iframe"); ID(T_NOSCRIPT, "noscript");
    ID(T_TITLE, "title"); ID(T_META, "meta"); ID(T_LINK, "link"); ID(T_BASE, "base");
    ID(T_INPUT, "input"); ID(T_IMG, "img");
#undef ID
    return 0;
}

static int tag_flags(int id) { return id >= 0 ? TAGS[id].flags : 0; }
static int tag_priority(int id) { return id >= 0 ? TAGS[id].priority : 100; }

/* Whether the start tag ``opened`` closes the open element ``open``. */
static int closes(int open, int opened) {
    if (open < 0 || opened < 0 || TAGS[opened].closer < 0)
        return 0;
    return (TAGS[open].closed_mask >> TAGS[opened].closer) & 1;
}

/* ---------------------------------------------------------------- scan state */

enum { R_NORMAL, R_FRAME, R_SKIP_ROOT, R_SKIPPED, R_TABLE, R_SECTION, R_COLGROUP, R_ROW, R_CELL,
       R_CELL_INNER, R_CAPTION, R_CAPTION_INNER, R_LIST_NUMBER };

typedef struct {
    int id;
    int role;
    long line;
    unsigned char len;
    char name[NAME_MAX_LEN + 1];
} Elem;

enum { S_PROLOG, S_HTML, S_HEAD, S_BODY, S_AFTER_BODY, S_AFTER_HTML };

/* An attribute's value, in the markup. */
typedef struct {
    const unsigned char *p;
    Py_ssize_t n;
    int present;
} Value;

typedef struct {
    Py_ssize_t index; /* the cell's index among the table's cells */
    long rowspan, colspan;
} Span;

typedef struct {
    const unsigned char *s;
    Py_ssize_t n;
    Py_ssize_t pos;
    Py_ssize_t line_pos;
    long line;
    int has_cr;
    int state;
    int doctype;

    Elem *stack;
    Py_ssize_t depth, cap;
    Py_ssize_t skip_at;      /* the element whose content is skipped, or -1 */
    int collect;             /* its text is kept, to look for the report's words */
    Buf clutter;
    int articles;            /* open sectioning elements (normal walk) */

    /* the collector */
    PyObject *texts;
    PyObject *blocks;
    Buf para;
    long para_line;          /* -1: None */
    long last;               /* the line lxml gives the next text */
    int dropped_hidden, script_markup;
    int spans;
    int word_lists;          /* a Word export's list numbers (``mso-list:Ignore``) */
    int stored;              /* an Excel export's cells keep their values (``x:num``) */
    PyObject *table_type;

    /* the table being read */
    Py_ssize_t table_at;
    long table_line;
    PyObject *cells;
    Py_ssize_t *widths;
    Py_ssize_t rows, rows_cap;
    Span *merged;
    Py_ssize_t n_merged, merged_cap;
    int captioned;
    Py_ssize_t cell_at, cell_skip_at, caption_at;
    int cell_children;
    long cell_rowspan, cell_colspan; /* -1: not printed */
    Value cell_stored;               /* the cell's ``x:num`` */
    Buf cur, joined, caption;
    /* where the table started, to read it again as a container (a frame around text or
     * around other tables) */
    Py_ssize_t snap_pos, snap_line_pos, snap_texts, snap_blocks;
    long snap_line;
    int frames; /* tables open that are read as containers */

    Buf scratch;
} Scan;

typedef struct {
    int any;
    int self_closing;
    Value class_, id, role, style, hidden, rowspan, colspan, srcdoc, alt, stored;
} Attrs;

static long line_at(Scan *s, Py_ssize_t pos) {
    if (pos > s->n)
        pos = s->n;
    const unsigned char *p = s->s + s->line_pos, *end = s->s + pos;
    while (p < end) {
        const unsigned char *q = memchr(p, '\n', (size_t)(end - p));
        if (q == NULL)
            break;
        s->line++;
        p = q + 1;
    }
    if (pos > s->line_pos)
        s->line_pos = pos;
    return s->line;
}

static int is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
static int html_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
static unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* ---------------------------------------------------------------- entities */

typedef struct {
    const char *name;
    Py_UCS4 cp;
} Entity;

static const Entity ENTITIES[] = {
    {"amp", '&'},      {"apos", '\''},     {"bull", 0x2022},  {"copy", 0xA9},
    {"deg", 0xB0},     {"divide", 0xF7},   {"emsp", 0x2003},  {"ensp", 0x2002},
    {"gt", '>'},       {"hellip", 0x2026}, {"laquo", 0xAB},   {"ldquo", 0x201C},
    {"lsquo", 0x2018}, {"lt", '<'},        {"mdash", 0x2014}, {"middot", 0xB7},
    {"nbsp", 0xA0},    {"ndash", 0x2013},  {"plusmn", 0xB1},  {"quot", '"'},
    {"raquo", 0xBB},   {"rdquo", 0x201D},  {"reg", 0xAE},     {"rsquo", 0x2019},
    {"sect", 0xA7},    {"thinsp", 0x2009}, {"times", 0xD7},   {"trade", 0x2122},
    {"yen", 0xA5},
};

static int put_cp(Buf *b, Py_UCS4 c) {
    char u[4];
    Py_ssize_t k;
    if (c < 0x80) {
        u[0] = (char)c;
        k = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3F));
        k = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        k = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (char)(0x80 | (c & 0x3F));
        k = 4;
    }
    return buf_put(b, u, k);
}

/* A character reference libxml2 decodes to itself (no replacement, no remapping). */
static int plain_cp(Py_UCS4 c) {
    if (c == 0x09 || c == 0x0A)
        return 1;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        return 0;
    if (c >= 0xD800 && c <= 0xDFFF)
        return 0;
    if (c >= 0xFDD0 && c <= 0xFDEF)
        return 0;
    if ((c & 0xFFFE) == 0xFFFE || c > 0x10FFFF)
        return 0;
    return 1;
}

/* The reference at ``at`` (an ``&``), decoded into ``out``; *next: after it. */
static int entity(const unsigned char *s, Py_ssize_t at, Py_ssize_t end, Buf *out,
                  Py_ssize_t *next) {
    Py_ssize_t i = at + 1;
    if (i >= end || !(is_alnum(s[i]) || s[i] == '#')) {
        *next = at + 1;
        return buf_put(out, "&", 1);
    }
    if (s[i] == '#') {
        i++;
        int hex = 0;
        if (i < end && (s[i] == 'x' || s[i] == 'X')) {
            hex = 1;
            i++;
        }
        Py_UCS4 c = 0;
        int digits = 0;
        while (i < end && digits <= 7) {
            unsigned char d = s[i];
            int v;
            if (is_digit(d))
                v = d - '0';
            else if (hex && lower(d) >= 'a' && lower(d) <= 'f')
                v = lower(d) - 'a' + 10;
            else
                break;
            c = c * (hex ? 16 : 10) + (Py_UCS4)v;
            digits++;
            i++;
        }
        if (digits == 0 || digits > 7 || i >= end || s[i] != ';' || !plain_cp(c))
            return UNSURE;
        *next = i + 1;
        return put_cp(out, c);
    }
    Py_ssize_t start = i;
    while (i < end && is_alnum(s[i]) && i - start <= 8)
        i++;
    if (i >= end || s[i] != ';')
        return UNSURE;
    Py_ssize_t len = i - start;
    for (size_t k = 0; k < sizeof(ENTITIES) / sizeof(ENTITIES[0]); k++) {
        const char *name = ENTITIES[k].name;
        if ((Py_ssize_t)strlen(name) == len && memcmp(name, s + start, (size_t)len) == 0) {
            *next = i + 1;
            return put_cp(out, ENTITIES[k].cp);
        }
    }
    return UNSURE;
}

/* The text [a, b) with its references decoded and CRLF read as LF, appended to out. */
static int decode_text(Scan *sc, Py_ssize_t a, Py_ssize_t b, Buf *out) {
    const unsigned char *s = sc->s;
    Py_ssize_t i = a;
    while (i < b) {
        const unsigned char *amp = memchr(s + i, '&', (size_t)(b - i));
        Py_ssize_t stop = amp ? amp - s : b;
        if (sc->has_cr) {
            Py_ssize_t from = i;
            for (Py_ssize_t k = i; k < stop; k++) {
                if (s[k] == '\r') {
                    TRY(buf_put(out, (const char *)s + from, k - from));
                    from = k + 1; /* (the LF that follows is kept) */
                }
            }
            TRY(buf_put(out, (const char *)s + from, stop - from));
        } else {
            TRY(buf_put(out, (const char *)s + i, stop - i));
        }
        if (stop >= b)
            break;
        TRY(entity(s, stop, b, out, &i));
    }
    return 0;
}

/* ---------------------------------------------------------------- the collector */

static int append_block(Scan *sc, PyObject *content, long line) {
    PyObject *number = line < 0 ? Py_NewRef(Py_None) : PyLong_FromLong(line);
    if (number == NULL)
        return FAILED;
    PyObject *block = PyTuple_Pack(2, content, number);
    Py_DECREF(number);
    if (block == NULL)
        return FAILED;
    int r = PyList_Append(sc->blocks, block);
    Py_DECREF(block);
    return r < 0 ? FAILED : 0;
}

/* A text of the page (``texts``) that is a paragraph (``blocks``) at ``line``. */
static int add_line(Scan *sc, const char *text, Py_ssize_t n, long line) {
    PyObject *index = PyLong_FromSsize_t(PyList_GET_SIZE(sc->texts));
    if (index == NULL)
        return FAILED;
    int r = append_block(sc, index, line);
    Py_DECREF(index);
    if (r)
        return r;
    PyObject *str = PyUnicode_DecodeUTF8(text, n, "strict");
    if (str == NULL)
        return FAILED;
    r = PyList_Append(sc->texts, str);
    Py_DECREF(str);
    return r < 0 ? FAILED : 0;
}

/* ``_Collector.flush`` */
static int flush(Scan *sc) {
    if (sc->para.n == 0)
        return 0;
    Py_ssize_t start;
    sc->scratch.n = 0;
    TRY(collapse_into(sc->para.p, sc->para.n, &sc->scratch, &start));
    if (sc->scratch.n > start)
        TRY(add_line(sc, sc->scratch.p + start, sc->scratch.n - start, sc->para_line));
    sc->para.n = 0;
    sc->para_line = -1;
    return 0;
}

/* ``" ".join(text.split())`` of the UTF-8 ``s``, appended to ``out``. */
static int put_words(const char *s, Py_ssize_t n, Buf *out) {
    const unsigned char *u = (const unsigned char *)s;
    Py_ssize_t start = out->n, i = 0;
    int gap = 0;
    while (i < n) {
        Py_ssize_t j = i;
        if (is_space_cp(u8_next(u, n, &j))) {
            gap = 1;
        } else {
            if (gap && out->n > start)
                TRY(buf_put(out, " ", 1));
            gap = 0;
            TRY(buf_put(out, s + i, j - i));
        }
        i = j;
    }
    return 0;
}

/* The list number's text (collected in ``clutter``) read inline at ``line``. */
static int read_list_number(Scan *sc, long line) {
    sc->scratch.n = 0;
    TRY(put_words(sc->clutter.p, sc->clutter.n, &sc->scratch));
    if (sc->scratch.n == 0)
        return 0;
    TRY(buf_put(&sc->scratch, " ", 1));
    if (sc->para_line < 0)
        sc->para_line = line;
    return buf_put(&sc->para, sc->scratch.p, sc->scratch.n);
}

/* ---------------------------------------------------------------- tables */

/* ``_span``: ``\s*(\d{1,6})(?!\d)``, else 1. */
static long span_value(Value v, int *unsure) {
    if (!v.present || v.n == 0)
        return 1;
    Py_ssize_t i = 0;
    for (Py_ssize_t k = 0; k < v.n; k++) {
        if (v.p[k] >= 0x80 || v.p[k] == '&') {
            *unsure = 1;
            return 1;
        }
    }
    while (i < v.n && ascii_space(v.p[i]))
        i++;
    Py_ssize_t start = i;
    long value = 0;
    while (i < v.n && is_digit(v.p[i]) && i - start < 7) {
        value = value * 10 + (v.p[i] - '0');
        i++;
    }
    Py_ssize_t digits = i - start;
    if (digits == 0 || digits > 6)
        return 1;
    return value;
}

static void reset_table(Scan *sc) {
    Py_CLEAR(sc->cells);
    sc->rows = 0;
    sc->n_merged = 0;
    sc->captioned = 0;
    sc->table_at = -1;
    sc->cell_at = sc->cell_skip_at = sc->caption_at = -1;
}

static int start_table(Scan *sc, long line) {
    sc->cells = PyList_New(0);
    if (sc->cells == NULL)
        return FAILED;
    sc->rows = 0;
    sc->n_merged = 0;
    sc->captioned = 0;
    sc->table_line = line;
    return 0;
}

static int start_row(Scan *sc) {
    TRY(GROW(sc->widths, sc->rows_cap, sc->rows + 1, 32));
    sc->widths[sc->rows++] = 0;
    return 0;
}

static int start_cell(Scan *sc, const Attrs *at) {
    if (sc->rows == 0)
        return UNSURE; /* (a cell outside any row) */
    sc->cell_children = 0;
    sc->cur.n = 0;
    sc->joined.n = 0;
    sc->cell_rowspan = sc->cell_colspan = -1;
    sc->cell_stored = sc->stored ? at->stored : (Value){NULL, 0, 0};
    /* (an Excel export's cells are read one by one: their spans however spelled) */
    if ((sc->spans || sc->stored) && (at->rowspan.present || at->colspan.present)) {
        int unsure = 0;
        sc->cell_rowspan = span_value(at->rowspan, &unsure);
        sc->cell_colspan = span_value(at->colspan, &unsure);
        if (unsure)
            return UNSURE;
    }
    return 0;
}

/* A part of the cell's text ends (``_cell_text``: a block element starts or ends). */
static int split_cell(Scan *sc) {
    Py_ssize_t start;
    Py_ssize_t before = sc->joined.n;
    if (before > 0)
        TRY(buf_put(&sc->joined, "\n", 1));
    TRY(collapse_into(sc->cur.p, sc->cur.n, &sc->joined, &start));
    if (sc->joined.n == start) /* (an empty part is not joined) */
        sc->joined.n = before;
    sc->cur.n = 0;
    return 0;
}

/* ``_STORED_NUMBER_RE``: ``\d+(?:\.\d+)?``, in ASCII digits. */
static int stored_number(Value v) {
    Py_ssize_t i = 0;
    while (i < v.n && is_digit(v.p[i]))
        i++;
    if (i == 0)
        return 0;
    if (i == v.n)
        return 1;
    if (v.p[i] != '.' || i + 1 == v.n)
        return 0;
    for (i++; i < v.n; i++)
        if (!is_digit(v.p[i]))
            return 0;
    return 1;
}

/* ``_DASH_RE``: one dash (``-－—–``) and white space around it. */
static int shows_dash(const char *s, Py_ssize_t n) {
    const unsigned char *u = (const unsigned char *)s;
    Py_ssize_t i = 0;
    int dashes = 0;
    while (i < n) {
        Py_UCS4 c = u8_next(u, n, &i);
        if (c == '-' || c == 0xFF0D || c == 0x2014 || c == 0x2013)
            dashes++;
        else if (!is_space_cp(c))
            return 0;
    }
    return dashes == 1;
}

/* ``_shown_as_dash``: an Excel export's cell that shows a dash for the number it keeps
 * (``x:num="0"``) reads as that number; *text and *n are the cell's text. */
static int shown_as_dash(Value stored, const char **text, Py_ssize_t *n) {
    if (!stored.present || stored.n == 0 || !shows_dash(*text, *n))
        return 0;
    for (Py_ssize_t k = 0; k < stored.n; k++)
        if (stored.p[k] >= 0x80)
            return UNSURE; /* (a digit beyond ASCII: Python's \d takes it) */
    if (stored_number(stored)) {
        *text = (const char *)stored.p;
        *n = stored.n;
    }
    return 0;
}

static int end_cell(Scan *sc) {
    const char *shown = sc->cur.p;
    Py_ssize_t n = sc->cur.n;
    if (sc->cell_children) {
        TRY(split_cell(sc));
        shown = sc->joined.p;
        n = sc->joined.n;
    }
    TRY(shown_as_dash(sc->cell_stored, &shown, &n));
    PyObject *text = PyUnicode_DecodeUTF8(shown, n, "strict");
    if (text == NULL)
        return FAILED;
    int r = PyList_Append(sc->cells, text);
    Py_DECREF(text);
    if (r < 0)
        return FAILED;
    sc->widths[sc->rows - 1]++;
    if (sc->cell_rowspan >= 0 && (sc->cell_rowspan != 1 || sc->cell_colspan != 1)) {
        TRY(GROW(sc->merged, sc->merged_cap, sc->n_merged + 1, 16));
        Span *m = &sc->merged[sc->n_merged++];
        m->index = PyList_GET_SIZE(sc->cells) - 1;
        m->rowspan = sc->cell_rowspan;
        m->colspan = sc->cell_colspan;
    }
    return 0;
}

static int end_caption(Scan *sc, long line) {
    Py_ssize_t start;
    sc->scratch.n = 0;
    TRY(collapse_into(sc->caption.p, sc->caption.n, &sc->scratch, &start));
    if (sc->scratch.n > start)
        TRY(add_line(sc, sc->scratch.p + start, sc->scratch.n - start, line));
    return 0;
}

static int push(Scan *sc, int id, const char *name, Py_ssize_t len, int role, long line);

/* The table is not a grid (``_one_column``, ``_has_nested_table``): read its markup again,
 * walked like any other element, from the end of its start tag. */
static int rewind_table(Scan *sc) {
    Py_ssize_t at = sc->table_at;
    if (at < 0 || at > sc->depth || at >= sc->cap)
        return UNSURE; /* (the table may have just been popped: its entry is still there) */
    Elem table = sc->stack[at];
    if (PyList_SetSlice(sc->texts, sc->snap_texts, PY_SSIZE_T_MAX, NULL) < 0 ||
        PyList_SetSlice(sc->blocks, sc->snap_blocks, PY_SSIZE_T_MAX, NULL) < 0)
        return FAILED;
    sc->pos = sc->snap_pos;
    sc->line = sc->snap_line;
    sc->line_pos = sc->snap_line_pos;
    sc->depth = at;
    reset_table(sc);
    TRY(push(sc, table.id, table.name, table.len, R_FRAME, table.line));
    sc->frames++;
    sc->last = table.line;
    return REWOUND;
}

/* ``_table_cells``: the table's cells appended to texts, and the table as a block. */
static int end_table(Scan *sc) {
    int two = 0;
    for (Py_ssize_t r = 0; r < sc->rows; r++)
        if (sc->widths[r] > 1)
            two = 1;
    if (sc->frames > 0 && PyList_GET_SIZE(sc->cells) == 1)
        return UNSURE; /* (perhaps a box drawn around a cell's content: _is_box) */
    if (!two)
        return rewind_table(sc); /* (a frame around text: its cells are read as paragraphs) */
    Py_ssize_t first = PyList_GET_SIZE(sc->texts);
    Py_ssize_t count = PyList_GET_SIZE(sc->cells);
    if (PyList_SetSlice(sc->texts, first, first, sc->cells) < 0)
        return FAILED;
    (void)count;
    PyObject *widths = PyList_New(sc->rows);
    if (widths == NULL)
        return FAILED;
    for (Py_ssize_t r = 0; r < sc->rows; r++) {
        PyObject *w = PyLong_FromSsize_t(sc->widths[r]);
        if (w == NULL) {
            Py_DECREF(widths);
            return FAILED;
        }
        PyList_SET_ITEM(widths, r, w);
    }
    PyObject *spans = PyDict_New();
    if (spans == NULL) {
        Py_DECREF(widths);
        return FAILED;
    }
    for (Py_ssize_t k = 0; k < sc->n_merged; k++) {
        PyObject *key = PyLong_FromSsize_t(first + sc->merged[k].index);
        PyObject *value = Py_BuildValue("(ll)", sc->merged[k].rowspan, sc->merged[k].colspan);
        int r = (key == NULL || value == NULL) ? -1 : PyDict_SetItem(spans, key, value);
        Py_XDECREF(key);
        Py_XDECREF(value);
        if (r < 0) {
            Py_DECREF(widths);
            Py_DECREF(spans);
            return FAILED;
        }
    }
    PyObject *table = PyObject_CallFunction(sc->table_type, "nOO", first, widths, spans);
    Py_DECREF(widths);
    Py_DECREF(spans);
    if (table == NULL)
        return FAILED;
    int r = append_block(sc, table, sc->table_line);
    Py_DECREF(table);
    if (r)
        return r;
    sc->last = sc->table_line;
    reset_table(sc);
    return 0;
}

/* ---------------------------------------------------------------- the stack */

static int push(Scan *sc, int id, const char *name, Py_ssize_t len, int role, long line) {
    if (sc->depth >= MAX_DEPTH || len > NAME_MAX_LEN)
        return UNSURE;
    TRY(GROW(sc->stack, sc->cap, sc->depth + 1, 32));
    Elem *e = &sc->stack[sc->depth++];
    e->id = id;
    e->role = role;
    e->line = line;
    e->len = (unsigned char)len;
    memcpy(e->name, name, (size_t)len);
    e->name[len] = 0;
    return 0;
}

/* The top element ends: what the walk does on leaving it. */
static int pop(Scan *sc) {
    if (sc->depth <= 0)
        return UNSURE;
    Elem e = sc->stack[--sc->depth];
    Py_ssize_t at = sc->depth;
    int flags = tag_flags(e.id);
    switch (e.role) {
    case R_NORMAL:
    case R_FRAME:
        if ((flags & F_BLOCK) && sc->para.n > 0)
            TRY(flush(sc));
        if (flags & F_SECTION)
            sc->articles--;
        if (e.role == R_FRAME)
            sc->frames--;
        sc->last = e.line;
        break;
    case R_SKIP_ROOT:
        if (sc->collect && marks_report(sc->clutter.p, sc->clutter.n))
            return UNSURE; /* (furniture that holds the report is read: _holds_report) */
        sc->skip_at = -1;
        sc->collect = 0;
        sc->clutter.n = 0;
        sc->last = e.line;
        break;
    case R_LIST_NUMBER:
        TRY(read_list_number(sc, e.line));
        sc->skip_at = -1;
        sc->collect = 0;
        sc->clutter.n = 0;
        sc->last = e.line;
        break;
    case R_SKIPPED:
    case R_SECTION:
    case R_COLGROUP:
    case R_ROW:
    case R_CAPTION_INNER:
        break;
    case R_CELL_INNER:
        if (sc->cell_skip_at == at)
            sc->cell_skip_at = -1;
        else if (sc->cell_skip_at < 0 && (flags & F_BLOCK))
            TRY(split_cell(sc));
        break;
    case R_CELL:
        TRY(end_cell(sc));
        sc->cell_at = -1;
        break;
    case R_CAPTION:
        TRY(end_caption(sc, e.line));
        sc->caption_at = -1;
        break;
    case R_TABLE:
        TRY(end_table(sc));
        break;
    default:
        return UNSURE;
    }
    return 0;
}

static int same_name(const Elem *e, int id, const char *name, Py_ssize_t len) {
    if (id >= 0 || e->id >= 0)
        return id == e->id;
    return e->len == len && memcmp(e->name, name, (size_t)len) == 0;
}

/* An end tag: it closes what it names if nothing ranking above it is open inside that;
 * else, or when nothing it names is open, libxml2 ignores it. */
static int end_tag(Scan *sc, int id, const char *name, Py_ssize_t len) {
    int reach = tag_priority(id);
    for (Py_ssize_t d = sc->depth - 1; d >= 0; d--) {
        if (same_name(&sc->stack[d], id, name, len)) {
            while (sc->depth > d)
                TRY(pop(sc));
            return 0;
        }
        if (tag_priority(sc->stack[d].id) > reach)
            return 0;
    }
    return 0;
}

/* ---------------------------------------------------------------- tokens */

/* The raw content of a script, style or iframe (or RCDATA of a title), up to its end
 * tag; *content_end: where the content ends; sc->pos moves past the end tag. */
static int raw_content(Scan *sc, int id, Py_ssize_t from, Py_ssize_t *content_end) {
    const char *name = TAGS[id].name;
    Py_ssize_t len = (Py_ssize_t)strlen(name);
    const unsigned char *s = sc->s;
    Py_ssize_t i = from;
    while (i < sc->n) {
        const unsigned char *lt = memchr(s + i, '<', (size_t)(sc->n - i));
        if (lt == NULL)
            return UNSURE;
        Py_ssize_t at = lt - s;
        if (at + 2 + len < sc->n && s[at + 1] == '/') {
            Py_ssize_t k = 0;
            while (k < len && lower(s[at + 2 + k]) == (unsigned char)name[k])
                k++;
            Py_ssize_t after = at + 2 + len;
            if (k == len && (html_space(s[after]) || s[after] == '/' || s[after] == '>')) {
                while (after < sc->n && html_space(s[after]))
                    after++;
                if (after >= sc->n || s[after] != '>')
                    return UNSURE;
                *content_end = at;
                sc->pos = after + 1;
                return 0;
            }
        }
        i = at + 1;
    }
    return UNSURE;
}

/* The attributes read, by their name in lower case (as libxml2 stores it). */
static const struct {
    const char *name;
    size_t offset;
} READ_ATTRS[] = {
    {"class", offsetof(Attrs, class_)},     {"id", offsetof(Attrs, id)},
    {"role", offsetof(Attrs, role)},        {"style", offsetof(Attrs, style)},
    {"hidden", offsetof(Attrs, hidden)},    {"rowspan", offsetof(Attrs, rowspan)},
    {"colspan", offsetof(Attrs, colspan)},  {"srcdoc", offsetof(Attrs, srcdoc)},
    {"alt", offsetof(Attrs, alt)},          {"x:num", offsetof(Attrs, stored)},
};
#define ATTR_NAME_MAX 7

/* Where the attribute ``name`` is kept in ``at``; NULL for one the reader does not read. */
static Value *attr_slot(Attrs *at, const unsigned char *name, Py_ssize_t len) {
    if (len > ATTR_NAME_MAX)
        return NULL;
    char low[ATTR_NAME_MAX + 1];
    for (Py_ssize_t k = 0; k < len; k++)
        low[k] = (char)lower(name[k]);
    low[len] = 0;
    for (size_t k = 0; k < sizeof(READ_ATTRS) / sizeof(READ_ATTRS[0]); k++)
        if (!strcmp(low, READ_ATTRS[k].name))
            return (Value *)((char *)at + READ_ATTRS[k].offset);
    return NULL;
}

static int parse_attrs(Scan *sc, Py_ssize_t i, Attrs *at, Py_ssize_t *close) {
    const unsigned char *s = sc->s;
    Py_ssize_t n = sc->n;
    memset(at, 0, sizeof(*at));
    while (1) {
        while (i < n && html_space(s[i]))
            i++;
        if (i >= n)
            return UNSURE;
        if (s[i] == '>') {
            *close = i;
            return 0;
        }
        if (s[i] == '/') {
            if (i + 1 < n && s[i + 1] == '>') {
                at->self_closing = 1;
                *close = i + 1;
                return 0;
            }
            return UNSURE;
        }
        Py_ssize_t name = i;
        while (i < n && !html_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') {
            if (s[i] == '"' || s[i] == '\'' || s[i] == '<' || s[i] == '`')
                return UNSURE;
            i++;
        }
        Py_ssize_t name_len = i - name;
        if (name_len == 0)
            return UNSURE; /* (a name that starts with '=') */
        at->any = 1;
        while (i < n && html_space(s[i]))
            i++;
        Value value = {(const unsigned char *)"", 0, 1};
        if (i < n && s[i] == '=') {
            i++;
            while (i < n && html_space(s[i]))
                i++;
            if (i >= n)
                return UNSURE;
            if (s[i] == '"' || s[i] == '\'') {
                const unsigned char *q = memchr(s + i + 1, s[i], (size_t)(n - i - 1));
                if (q == NULL)
                    return UNSURE;
                value.p = s + i + 1;
                value.n = q - (s + i + 1);
                i = q - s + 1;
                if (i < n && !html_space(s[i]) && s[i] != '>' && s[i] != '/')
                    return UNSURE; /* (no space between attributes) */
            } else {
                Py_ssize_t start = i;
                while (i < n && !html_space(s[i]) && s[i] != '>') {
                    unsigned char c = s[i];
                    if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`')
                        return UNSURE;
                    i++;
                }
                if (i == start)
                    return UNSURE;
                value.p = s + start;
                value.n = i - start;
            }
        }
        Value *slot = attr_slot(at, s + name, name_len);
        if (slot != NULL) {
            if (slot->present)
                return UNSURE; /* (printed twice: the first counts) */
            if (slot != &at->alt && memchr(value.p, '&', (size_t)value.n) != NULL)
                return UNSURE; /* (an image's alt text is decoded: read_alt) */
            *slot = value;
        }
    }
}

/* _CLUTTER_RE over "class id": a word between separators that names furniture. */
static const char *CLUTTER_WORDS[] = {
    "nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "crumb",
    "crumbs", "footer", "foot", "sidebar", "share", "toolbar", "topbar", "login",
    "copyright", "friendlink", "friendlinks", "skip", NULL};

static int clutter_words(Value v, int *unsure) {
    Py_ssize_t i = 0;
    while (i < v.n) {
        while (i < v.n && (ascii_space(v.p[i]) || v.p[i] == '_' || v.p[i] == '-'))
            i++;
        Py_ssize_t start = i;
        while (i < v.n && !(ascii_space(v.p[i]) || v.p[i] == '_' || v.p[i] == '-')) {
            if (v.p[i] >= 0x80 || v.p[i] < 0x20) {
                *unsure = 1;
                return 0;
            }
            i++;
        }
        Py_ssize_t len = i - start;
        for (int k = 0; CLUTTER_WORDS[k] != NULL && len > 0; k++) {
            const char *w = CLUTTER_WORDS[k];
            if ((Py_ssize_t)strlen(w) != len)
                continue;
            Py_ssize_t j = 0;
            while (j < len && lower(v.p[start + j]) == (unsigned char)w[j])
                j++;
            if (j == len)
                return 1;
        }
    }
    return 0;
}

static int value_is(Value v, const char *s) {
    return v.present && (Py_ssize_t)strlen(s) == v.n && memcmp(v.p, s, (size_t)v.n) == 0;
}

/* ``_names_part``: the report's title (年度报告) or a section heading (一、…). */
static int names_part(const char *s, Py_ssize_t n) {
    static const char *numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (contains(s, n, "年度报告"))
        return 1;
    const unsigned char *u = (const unsigned char *)s;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t j = i;
        if (!is_space_cp(u8_next(u, n, &j)))
            break;
        i = j;
    }
    int count = 0;
    while (count < 3 && i + 3 <= n) {
        int found = 0;
        for (int k = 0; k < 10; k++)
            if (memcmp(s + i, numerals[k], 3) == 0)
                found = 1;
        if (!found)
            break;
        count++;
        i += 3;
    }
    return count >= 1 && count <= 2 && i + 3 <= n && memcmp(s + i, "、", 3) == 0;
}

/* An image's alt text that names a part of the report, read as inline text. */
static int read_alt(Scan *sc, Value alt, long line) {
    if (!alt.present || alt.n == 0)
        return 0;
    Py_ssize_t from = alt.p - sc->s;
    if (from < 0 || from + alt.n > sc->n)
        return UNSURE;
    sc->scratch.n = 0;
    TRY(decode_text(sc, from, from + alt.n, &sc->scratch));
    if (!names_part(sc->scratch.p, sc->scratch.n))
        return 0;
    if (sc->para_line < 0 && has_nonspace((const unsigned char *)sc->scratch.p, sc->scratch.n))
        sc->para_line = line;
    return buf_put(&sc->para, sc->scratch.p, sc->scratch.n);
}

/* ``_is_list_number``: the style, its spaces taken out and in lower case, holds
 * ``mso-list:ignore`` (no letter beyond ASCII lowers to one of those letters but U+0130,
 * to an ``i`` with a combining dot that breaks the match). */
static int lists_number(Value style) {
    static const char needle[] = "mso-list:ignore";
    for (Py_ssize_t i = 0; i < style.n; i++) {
        Py_ssize_t j = i;
        int k = 0;
        while (needle[k] && j < style.n) {
            if (style.p[j] == ' ') {
                j++;
                continue;
            }
            if (lower(style.p[j]) != (unsigned char)needle[k])
                break;
            j++;
            k++;
        }
        if (!needle[k])
            return 1;
    }
    return 0;
}

/* Word's number before a list item (``一、`` then spaces for its tab): read where it stands
 * as its text's words joined by one space, then a space; nothing inside it is walked. */
static int open_list_number(Scan *sc, int id, const char *name, Py_ssize_t len,
                            const Attrs *at, long line) {
    int flags = tag_flags(id);
    if ((flags & F_TABLE_PART) || id == T_BODY || id == T_HTML)
        return UNSURE;
    TRY(push(sc, id, name, len, R_LIST_NUMBER, line));
    sc->skip_at = sc->depth - 1;
    sc->collect = 1;
    sc->clutter.n = 0;
    return (at->self_closing || (flags & F_VOID)) ? pop(sc) : 0;
}

/* What the walk does with an element of the page outside tables (``_walk``). */
static int open_normal(Scan *sc, int id, const char *name, Py_ssize_t len, const Attrs *at,
                       long line) {
    int flags = tag_flags(id);
    if (flags & F_SKIP) {
        if (flags & F_RAW) {
            Py_ssize_t content_end, from = sc->pos;
            if (at->self_closing)
                return UNSURE;
            TRY(raw_content(sc, id, from, &content_end));
            const char *code = (const char *)sc->s + from;
            Py_ssize_t k = content_end - from;
            if (id == T_SCRIPT) {
                if (contains(code, k, "<!--"))
                    return UNSURE;
                if (contains(code, k, "document.write") &&
                    (contains(code, k, "<td") || contains(code, k, "<TD") ||
                     contains(code, k, "<th") || marks_report(code, k)))
                    return UNSURE; /* (the page's script writes its tables) */
                if (contains(code, k, "<table") || contains(code, k, "\\u003ctable") ||
                    contains(code, k, "\\u003Ctable") || contains(code, k, "\\x3ctable") ||
                    contains(code, k, "&lt;table"))
                    sc->dropped_hidden = sc->script_markup = 1;
            } else if (id == T_IFRAME) {
                if (at->srcdoc.present && memchr(at->srcdoc.p, '<', (size_t)at->srcdoc.n))
                    return UNSURE;
            }
            sc->last = line;
            return 0;
        }
        if (flags & F_VOID) {
            sc->last = line;
            return 0;
        }
        if (id == T_NOSCRIPT)
            sc->dropped_hidden = 1;
        TRY(push(sc, id, name, len, R_SKIP_ROOT, line));
        sc->skip_at = sc->depth - 1;
        sc->collect = 0;
        sc->last = line;
        return at->self_closing ? pop(sc) : 0;
    }
    int skip = 0, collect = 0;
    if (at->any) {
        if ((flags & F_FRAME) && sc->articles == 0) {
            skip = 1;
        } else if (value_is(at->role, "navigation") || value_is(at->role, "banner") ||
                   value_is(at->role, "contentinfo") || value_is(at->role, "search")) {
            skip = 1;
        } else {
            int unsure = 0;
            if (clutter_words(at->class_, &unsure) || clutter_words(at->id, &unsure))
                skip = collect = 1;
            if (unsure)
                return UNSURE;
            if (!skip && at->hidden.present)
                return UNSURE;
        }
    } else if ((flags & F_FRAME) && sc->articles == 0) {
        skip = 1;
    }
    if (skip) {
        if (id == T_BODY || id == T_HTML)
            return UNSURE;
        TRY(push(sc, id, name, len, R_SKIP_ROOT, line));
        sc->skip_at = sc->depth - 1;
        sc->collect = collect;
        sc->clutter.n = 0;
        sc->last = line;
        return (at->self_closing || (flags & F_VOID)) ? pop(sc) : 0;
    }
    if (sc->word_lists && lists_number(at->style))
        return open_list_number(sc, id, name, len, at, line);
    if (id == T_IMG) {
        TRY(read_alt(sc, at->alt, line));
        sc->last = line;
        return 0;
    }
    if (id == T_TABLE) {
        if (at->self_closing)
            return UNSURE;
        TRY(flush(sc));
        TRY(push(sc, id, name, len, R_TABLE, line));
        sc->table_at = sc->depth - 1;
        sc->last = line;
        sc->snap_pos = sc->pos;
        sc->snap_line = sc->line;
        sc->snap_line_pos = sc->line_pos;
        sc->snap_texts = PyList_GET_SIZE(sc->texts);
        sc->snap_blocks = PyList_GET_SIZE(sc->blocks);
        return start_table(sc, line);
    }
    if ((flags & F_TABLE_PART) && sc->frames == 0)
        return UNSURE; /* (rows and cells outside any table) */
    if ((flags & F_BLOCK) && sc->para.n > 0)
        TRY(flush(sc));
    TRY(push(sc, id, name, len, R_NORMAL, line));
    if (flags & F_SECTION)
        sc->articles++;
    sc->last = line;
    return (at->self_closing || (flags & F_VOID)) ? pop(sc) : 0;
}

/* A start tag in a table, outside its cells and caption. */
static int open_in_table(Scan *sc, int id, const char *name, Py_ssize_t len, const Attrs *at,
                         long line) {
    int top = sc->stack[sc->depth - 1].role;
    if (id == T_TR) {
        if (top != R_TABLE && top != R_SECTION)
            return UNSURE;
        TRY(push(sc, id, name, len, R_ROW, line));
        TRY(start_row(sc));
        return at->self_closing ? pop(sc) : 0;
    }
    if (id == T_TD || id == T_TH) {
        if (top != R_ROW || at->self_closing)
            return UNSURE;
        TRY(start_cell(sc, at));
        TRY(push(sc, id, name, len, R_CELL, line));
        sc->cell_at = sc->depth - 1;
        return 0;
    }
    if (id == T_TBODY || id == T_THEAD || id == T_TFOOT) {
        if (top != R_TABLE)
            return UNSURE;
        TRY(push(sc, id, name, len, R_SECTION, line));
        return at->self_closing ? pop(sc) : 0;
    }
    if (id == T_CAPTION) {
        if (top != R_TABLE || sc->rows > 0 || sc->captioned || at->self_closing)
            return UNSURE;
        sc->captioned = 1;
        sc->caption.n = 0;
        TRY(push(sc, id, name, len, R_CAPTION, line));
        sc->caption_at = sc->depth - 1;
        return 0;
    }
    if (id == T_COLGROUP) {
        if (top != R_TABLE)
            return UNSURE;
        TRY(push(sc, id, name, len, R_COLGROUP, line));
        return at->self_closing ? pop(sc) : 0;
    }
    if (id == T_COL) {
        if (top != R_TABLE && top != R_COLGROUP)
            return UNSURE;
        return 0;
    }
    return UNSURE;
}

static int start_tag(Scan *sc, int id, const char *name, Py_ssize_t len, const Attrs *at,
                     long line) {
    int flags = tag_flags(id);
    if (sc->state != S_BODY) {
        if (sc->state == S_PROLOG && id == T_HTML) {
            sc->state = S_HTML;
            TRY(push(sc, id, name, len, R_NORMAL, line));
            if (at->any) {
                int unsure = 0;
                if (clutter_words(at->class_, &unsure) || clutter_words(at->id, &unsure) ||
                    unsure || at->hidden.present || at->role.present ||
                    (sc->word_lists && lists_number(at->style)))
                    return UNSURE;
            }
            sc->last = line;
            return 0;
        }
        if (sc->state == S_HTML && id == T_HEAD && !at->self_closing) {
            sc->state = S_HEAD;
            return 0;
        }
        if (sc->state == S_HTML && id == T_BODY) {
            sc->state = S_BODY;
            return open_normal(sc, id, name, len, at, line);
        }
        if (sc->state == S_HEAD) {
            if (id == T_META || id == T_LINK || id == T_BASE)
                return 0;
            if ((id == T_TITLE || id == T_SCRIPT || id == T_STYLE) && !at->self_closing) {
                Py_ssize_t end;
                Py_ssize_t from = sc->pos;
                TRY(raw_content(sc, id, from, &end));
                if (id == T_SCRIPT && contains((const char *)sc->s + from, end - from, "<!--"))
                    return UNSURE;
                return 0;
            }
        }
        return UNSURE;
    }
    if (flags & F_UNSURE)
        return UNSURE;
    /* the start tag closes the elements it ends (libxml2's htmlAutoClose) */
    while (sc->depth > 0 && closes(sc->stack[sc->depth - 1].id, id)) {
        if (sc->depth - 1 <= sc->table_at && sc->table_at >= 0)
            return UNSURE;
        TRY(pop(sc));
    }
    if (sc->depth == 0)
        return UNSURE;
    if (sc->skip_at >= 0) {
        if (flags & F_RAW) {
            Py_ssize_t end, from = sc->pos;
            if (at->self_closing)
                return UNSURE;
            TRY(raw_content(sc, id, from, &end));
            if (id == T_SCRIPT && contains((const char *)sc->s + from, end - from, "<!--"))
                return UNSURE;
            if (sc->collect)
                TRY(buf_put(&sc->clutter, (const char *)sc->s + from, end - from));
            return 0;
        }
        TRY(push(sc, id, name, len, R_SKIPPED, line));
        return (at->self_closing || (flags & F_VOID)) ? pop(sc) : 0;
    }
    if (sc->cell_at >= 0) {
        if (id == T_TABLE)
            return rewind_table(sc); /* (it lays out other tables: read as a container) */
        if ((flags & F_TABLE_PART) || id == T_INPUT)
            return UNSURE;
        sc->cell_children = 1;
        if (flags & F_RAW) {
            Py_ssize_t end, from = sc->pos;
            if (!(flags & F_NOT_IN_CELL) || at->self_closing)
                return UNSURE;
            TRY(raw_content(sc, id, from, &end));
            if (id == T_SCRIPT && contains((const char *)sc->s + from, end - from, "<!--"))
                return UNSURE;
            return 0;
        }
        TRY(push(sc, id, name, len, R_CELL_INNER, line));
        if (sc->cell_skip_at < 0) {
            if (flags & F_NOT_IN_CELL)
                sc->cell_skip_at = sc->depth - 1;
            else if (flags & F_BLOCK)
                TRY(split_cell(sc));
        }
        return (at->self_closing || (flags & F_VOID)) ? pop(sc) : 0;
    }
    if (sc->caption_at >= 0) {
        if ((flags & F_TABLE_PART) || (flags & F_RAW))
            return UNSURE;
        TRY(push(sc, id, name, len, R_CAPTION_INNER, line));
        return (at->self_closing || (flags & F_VOID)) ? pop(sc) : 0;
    }
    if (sc->table_at >= 0)
        return open_in_table(sc, id, name, len, at, line);
    return open_normal(sc, id, name, len, at, line);
}

static int end_tag_event(Scan *sc, int id, const char *name, Py_ssize_t len) {
    if (sc->state == S_HEAD) {
        if (id == T_HEAD) {
            sc->state = S_HTML;
            return 0;
        }
        return UNSURE;
    }
    if (sc->state == S_AFTER_BODY && id == T_HTML) {
        sc->state = S_AFTER_HTML;
        while (sc->depth > 0)
            TRY(pop(sc));
        return 0;
    }
    if (sc->state != S_BODY)
        return UNSURE;
    if (id == T_HEAD)
        return UNSURE;
    if (id == T_BODY || id == T_HTML) {
        if (sc->table_at >= 0)
            return UNSURE;
        Py_ssize_t keep = id == T_BODY ? 1 : 0; /* (</body> leaves <html> open) */
        if (id == T_BODY && (sc->depth < 2 || sc->stack[1].id != T_BODY))
            return UNSURE;
        while (sc->depth > keep)
            TRY(pop(sc));
        sc->state = id == T_BODY ? S_AFTER_BODY : S_AFTER_HTML;
        return 0;
    }
    return end_tag(sc, id, name, len);
}

static int text_event(Scan *sc, Py_ssize_t a, Py_ssize_t b) {
    if (sc->state != S_BODY || (sc->table_at >= 0 && sc->cell_at < 0 && sc->caption_at < 0)) {
        for (Py_ssize_t i = a; i < b; i++)
            if (!html_space(sc->s[i]))
                return UNSURE;
        return 0;
    }
    if (sc->skip_at >= 0) {
        if (sc->collect)
            return decode_text(sc, a, b, &sc->clutter);
        return 0;
    }
    if (sc->cell_at >= 0) {
        if (sc->cell_skip_at >= 0)
            return 0;
        return decode_text(sc, a, b, &sc->cur);
    }
    if (sc->caption_at >= 0)
        return decode_text(sc, a, b, &sc->caption);
    Py_ssize_t before = sc->para.n;
    TRY(decode_text(sc, a, b, &sc->para));
    if (sc->para_line < 0 && sc->para.n > before &&
        has_nonspace((const unsigned char *)sc->para.p + before, sc->para.n - before))
        sc->para_line = sc->last;
    return 0;
}

static int comment_event(Scan *sc, long line) {
    if (sc->state != S_BODY || sc->skip_at >= 0)
        return 0;
    if (sc->cell_at >= 0) {
        sc->cell_children = 1;
        return 0;
    }
    if (sc->caption_at >= 0 || sc->table_at >= 0)
        return 0;
    sc->last = line;
    return 0;
}

/* A name's bytes in lower case, 0 for a byte that ends it (init_bytes). */
static unsigned char NAME_BYTE[256];

static int read_name(Scan *sc, Py_ssize_t i, char *name, Py_ssize_t *len, Py_ssize_t *after) {
    const unsigned char *s = sc->s;
    Py_ssize_t k = 0;
    unsigned char c;
    while (i < sc->n && (c = NAME_BYTE[s[i]]) != 0) {
        if (k >= NAME_MAX_LEN)
            return UNSURE;
        name[k++] = (char)c;
        i++;
    }
    if (i >= sc->n)
        return UNSURE;
    name[k] = 0;
    *len = k;
    *after = i;
    return 0;
}

/* ``<![…]>``: a Word export's conditional (``<![if !supportLists]>``, ``<![endif]>``), or
 * any other markup libxml2 reads as a comment up to the first ``>`` (a comment of the
 * tree whose line is that of its end, as for ``<!--…-->``). */
static int bogus_comment(Scan *sc, Py_ssize_t at) {
    const unsigned char *gt = memchr(sc->s + at, '>', (size_t)(sc->n - at));
    if (gt == NULL)
        return UNSURE;
    Py_ssize_t close = gt - sc->s;
    sc->pos = close + 1;
    if (line_at(sc, close) > MAX_LINE)
        return UNSURE;
    return comment_event(sc, sc->line);
}

static int token(Scan *sc, Py_ssize_t at) {
    const unsigned char *s = sc->s;
    Py_ssize_t n = sc->n;
    unsigned char c = s[at + 1];
    if (c == '!') {
        if (at + 3 < n && s[at + 2] == '-' && s[at + 3] == '-') {
            Py_ssize_t from = at + 4;
            if (from < n && (s[from] == '>' || (s[from] == '-' && from + 1 < n && s[from + 1] == '>')))
                return UNSURE;
            Py_ssize_t i = from;
            Py_ssize_t close = -1;
            while (i + 2 < n) {
                const unsigned char *d = memchr(s + i, '-', (size_t)(n - i));
                if (d == NULL)
                    break;
                Py_ssize_t k = d - s;
                if (k + 2 < n && s[k + 1] == '-' && s[k + 2] == '>') {
                    close = k;
                    break;
                }
                if (k + 3 < n && s[k + 1] == '-' && s[k + 2] == '!' && s[k + 3] == '>')
                    return UNSURE;
                i = k + 1;
            }
            if (close < 0)
                return UNSURE;
            sc->pos = close + 3;
            if (line_at(sc, close + 2) > MAX_LINE)
                return UNSURE;
            return comment_event(sc, sc->line);
        }
        if (at + 2 < n && s[at + 2] == '[')
            return bogus_comment(sc, at);
        static const char doctype[] = "doctype";
        for (int k = 0; k < 7; k++)
            if (at + 2 + k >= n || lower(s[at + 2 + k]) != (unsigned char)doctype[k])
                return UNSURE;
        if (sc->state != S_PROLOG || sc->doctype)
            return UNSURE;
        const unsigned char *gt = memchr(s + at, '>', (size_t)(n - at));
        if (gt == NULL)
            return UNSURE;
        sc->doctype = 1;
        sc->pos = gt - s + 1;
        return 0;
    }
    if (c == '?')
        return UNSURE;
    char name[NAME_MAX_LEN + 1];
    Py_ssize_t len, i;
    if (c == '/') {
        if (at + 2 >= n || !is_alpha(s[at + 2]))
            return UNSURE;
        TRY(read_name(sc, at + 2, name, &len, &i));
        while (i < n && html_space(s[i]))
            i++;
        if (i >= n || s[i] != '>')
            return UNSURE;
        sc->pos = i + 1;
        if (line_at(sc, i) > MAX_LINE)
            return UNSURE;
        return end_tag_event(sc, tag_id(name, len), name, len);
    }
    TRY(read_name(sc, at + 1, name, &len, &i));
    if (!(html_space(s[i]) || s[i] == '/' || s[i] == '>'))
        return UNSURE;
    Attrs attrs;
    Py_ssize_t close;
    TRY(parse_attrs(sc, i, &attrs, &close));
    sc->pos = close + 1;
    long line = line_at(sc, close);
    if (line > MAX_LINE)
        return UNSURE;
    return start_tag(sc, tag_id(name, len), name, len, &attrs, line);
}

/* Characters libxml2 reports or replaces, and a CR not before LF: left to the tree. */
static unsigned char PLAIN_BYTE[256]; /* bytes that need no look (init_bytes) */
static unsigned char MARK_START[256]; /* the bytes a page's mark starts with (page_marks) */

static void init_bytes(void) {
    for (int c = 0; c < 256; c++) {
        PLAIN_BYTE[c] = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\f' ||
                        (c >= 0x80 && c < 0xC0) || (c > 0xC2 && c < 0xEF);
        int in_name = is_alnum((unsigned char)c) || c == ':' || c == '_' || c == '.' || c == '-';
        NAME_BYTE[c] = in_name ? lower((unsigned char)c) : 0;
    }
    const char *starts = "rRcCiImx";
    for (const char *p = starts; *p; p++)
        MARK_START[(unsigned char)*p] = 1;
    MARK_START[(unsigned char)"年"[0]] = 1;
}

static int check_bytes(Scan *sc) {
    const unsigned char *s = sc->s;
    Py_ssize_t n = sc->n;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (PLAIN_BYTE[c])
            continue;
        if (c == '\r') {
            if (i + 1 >= n || s[i + 1] != '\n')
                return UNSURE;
            sc->has_cr = 1;
            continue;
        }
        if (c < 0x80)
            return UNSURE; /* (controls, DEL) */
        if (c == 0xC2 && i + 1 < n && s[i + 1] < 0xA0)
            return UNSURE; /* (C1 controls) */
        if (c == 0xEF && i + 2 < n) {
            if (s[i + 1] == 0xBB && s[i + 2] == 0xBF)
                return UNSURE; /* (a byte order mark) */
            if (s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
                return UNSURE; /* (U+FFFE, U+FFFF) */
            if (s[i + 1] == 0xB7 && s[i + 2] >= 0x90 && s[i + 2] <= 0xAF)
                return UNSURE; /* (U+FDD0..U+FDEF) */
        }
        if (c >= 0xF0 && i + 3 < n && (s[i + 1] & 0x0F) == 0x0F && s[i + 2] == 0xBF &&
            (s[i + 3] == 0xBE || s[i + 3] == 0xBF))
            return UNSURE; /* (a plane's last two code points) */
    }
    return 0;
}

static int run(Scan *sc) {
    TRY(check_bytes(sc));
    const unsigned char *s = sc->s;
    Py_ssize_t n = sc->n;
    Py_ssize_t text_from = 0;
    while (sc->pos < n) {
        const unsigned char *lt = memchr(s + sc->pos, '<', (size_t)(n - sc->pos));
        if (lt == NULL)
            break;
        Py_ssize_t at = lt - s;
        if (at + 1 >= n) {
            sc->pos = n;
            break;
        }
        unsigned char c = s[at + 1];
        if (is_alpha(c) || c == '/' || c == '!' || c == '?') {
            if (text_from < at)
                TRY(text_event(sc, text_from, at));
            int r = token(sc, at);
            if (r != 0 && r != REWOUND)
                return r;
            text_from = sc->pos;
        } else {
            sc->pos = at + 1;
        }
    }
    if (text_from < n)
        TRY(text_event(sc, text_from, n));
    if (sc->state != S_BODY && sc->state != S_AFTER_BODY && sc->state != S_AFTER_HTML)
        return UNSURE;
    if (sc->table_at >= 0)
        return UNSURE; /* (a table the page never ends) */
    while (sc->depth > 0)
        TRY(pop(sc));
    return flush(sc);
}

/* ---------------------------------------------------------------- the page's marks */

/* What ``read_html`` looks for anywhere in a page before reading it (``_has_spans``, the
 * first searches of ``_has_hidden``, ``mso-list``, ``x:num``, the report's name), found in
 * one pass over its UTF-8 (the page's text searched for these as many times costs several
 * times more): a search of ASCII words in UTF-8 finds what a search of its text finds,
 * and so does one of whole characters. */
enum {
    M_SPANS = 1 << 0,       /* rowspan or colspan, as _SPAN_SPELLINGS spell them */
    M_ISPLAY = 1 << 1,      /* "isplay" */
    M_ISPLAY_UPPER = 1 << 2, /* "ISPLAY" */
    M_WORD_LISTS = 1 << 3,  /* "mso-list" */
    M_STORED = 1 << 4,      /* "x:num" */
    M_ANNUAL_REPORT = 1 << 5, /* "年度报告" */
    M_ANNUAL_SHORT = 1 << 6,  /* "年报" */
};

static int at_word(const unsigned char *s, Py_ssize_t n, Py_ssize_t i, const char *word) {
    size_t k = strlen(word);
    return (size_t)(n - i) >= k && memcmp(s + i, word, k) == 0;
}

static int spells_span(const unsigned char *s, Py_ssize_t n, Py_ssize_t i) {
    static const char *kinds[] = {"row", "col", "Row", "Col", "ROW", "COL"};
    static const char *spans[] = {"span", "Span", "SPAN"};
    if (n - i < 7 || (s[i + 1] | 0x20) != 'o' || (s[i + 3] | 0x20) != 's')
        return 0; /* (the usual 'c' or 'r' of the markup: class, content, script) */
    for (int k = 0; k < 6; k++) {
        if (!at_word(s, n, i, kinds[k]))
            continue;
        for (int j = 0; j < 3; j++)
            if (at_word(s, n, i + 3, spans[j]))
                return 1;
    }
    return 0;
}

static long page_marks(const unsigned char *s, Py_ssize_t n) {
    long found = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (!MARK_START[c])
            continue;
        switch (c) {
        case 'r': case 'R': case 'c': case 'C':
            if (spells_span(s, n, i))
                found |= M_SPANS;
            break;
        /* (each word's second byte looked at first: the first is common in markup) */
        case 'i':
            if (i + 1 < n && s[i + 1] == 's' && at_word(s, n, i, "isplay"))
                found |= M_ISPLAY;
            break;
        case 'I':
            if (i + 1 < n && s[i + 1] == 'S' && at_word(s, n, i, "ISPLAY"))
                found |= M_ISPLAY_UPPER;
            break;
        case 'm':
            if (i + 1 < n && s[i + 1] == 's' && at_word(s, n, i, "mso-list"))
                found |= M_WORD_LISTS;
            break;
        case 'x':
            if (i + 1 < n && s[i + 1] == ':' && at_word(s, n, i, "x:num"))
                found |= M_STORED;
            break;
        default: /* (the first byte of 年, and of many other characters) */
            if (n - i < 6 || s[i + 1] != (unsigned char)"年"[1] || s[i + 2] != (unsigned char)"年"[2])
                break;
            if (at_word(s, n, i, "年度报告"))
                found |= M_ANNUAL_REPORT;
            else if (at_word(s, n, i, "年报"))
                found |= M_ANNUAL_SHORT;
        }
    }
    return found;
}

static PyObject *marks(PyObject *module, PyObject *arg) {
    (void)module;
    if (!PyBytes_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "marks: the page's bytes");
        return NULL;
    }
    return PyLong_FromLong(
        page_marks((const unsigned char *)PyBytes_AS_STRING(arg), PyBytes_GET_SIZE(arg)));
}

/* ---------------------------------------------------------------- text marks */

/* What ``normalize.normalize_text`` looks for before each of its passes, found in one
 * pass over a text (``text_marks``), so that a pass with nothing to do is not made: a
 * regex or a substring search for each costs more than this loop for them all. The
 * characters' classes come from ``normalize`` (``classes``: one byte for each character
 * below U+10000, the T_ bits), so that the sets are spelt once, beside the patterns. */
enum {
    T_FOLD = 1,          /* normalize.CHARACTER_TABLE */
    T_TRADITIONAL = 2,   /* normalize._TRADITIONAL_ONLY */
    T_CJK = 4,           /* [\u3400-\u9fff]: what ruby pinyin follows */
    T_AFTER_COMMA = 8,   /* what a comma is removed before */
    T_LEADING = 16,      /* what is removed at the start of a line or cell */
    T_STOP = 32,         /* a stop whose repeats are folded */
    T_PINYIN = 64,       /* what ruby pinyin starts with */
    T_LOOK = 128,        /* '(' and '\n': looked at by the passes too */
};
#define T_ACT (T_FOLD | T_TRADITIONAL | T_AFTER_COMMA | T_LEADING | T_STOP | T_LOOK)
enum {
    TM_FOLD = 1,           /* a character of the table */
    TM_PINYIN = 2,         /* '(' then a pinyin letter after [\u3400-\u9fff] (or one and '\n') */
    TM_COMMA = 4,          /* ',' before T_AFTER_COMMA */
    TM_FULL_COMMA = 8,     /* '，' before T_AFTER_COMMA */
    TM_STOPS = 16,         /* a T_STOP twice */
    TM_LEADING = 32,       /* '\n' or '\x1f' before T_LEADING */
    TM_THOUSANDS = 64,     /* ',' before three decimal digits (the regex's \d) */
    TM_TRAILING_SPACE = 128, /* ' ' before '\n' or at the end */
};
#define TM_TRADITIONAL_SHIFT 16 /* how many T_TRADITIONAL, at most 255, from this bit */

static unsigned text_class(const unsigned char *classes, Py_UCS4 c) {
    return c < 0x10000 ? classes[c] : 0;
}

static int is_decimal(Py_UCS4 c) {
    return c < 128 ? (c >= '0' && c <= '9') : Py_UNICODE_ISDECIMAL(c);
}

/* ``text_marks`` over one kind of string (``T``): most characters are in no class the
 * passes act on, and are passed over with one look at their classes. */
#define DEFINE_TEXT_MARKS(NAME, T)                                                         \
    static long NAME(const T *s, Py_ssize_t n, const unsigned char *classes) {             \
        long found = 0, traditional = 0;                                                   \
        for (const T *p = s, *end = s + n; p < end; p++) {                                 \
            Py_UCS4 c = *p;                                                                \
            unsigned k = text_class(classes, c);                                           \
            if (!(k & T_ACT))                                                              \
                continue;                                                                  \
            Py_ssize_t i = p - s;                                                          \
            Py_UCS4 prev = i > 0 ? s[i - 1] : 0; /* (0: no character) */                  \
            if (k & T_TRADITIONAL)                                                         \
                traditional++;                                                             \
            if (k & T_FOLD)                                                                \
                found |= TM_FOLD;                                                          \
            if (k & T_AFTER_COMMA) {                                                       \
                if (prev == ',')                                                           \
                    found |= TM_COMMA;                                                     \
                else if (prev == 0xFF0C)                                                   \
                    found |= TM_FULL_COMMA;                                                \
            }                                                                              \
            if ((k & T_STOP) && prev == c)                                                 \
                found |= TM_STOPS;                                                         \
            if ((k & T_LEADING) && (prev == '\n' || prev == 0x1F))                         \
                found |= TM_LEADING;                                                       \
            if (c == '(' && i + 1 < n && (text_class(classes, s[i + 1]) & T_PINYIN)        \
                && ((text_class(classes, prev) & T_CJK)                                    \
                    || (prev == '\n' && i >= 2 && (text_class(classes, s[i - 2]) & T_CJK)))) \
                found |= TM_PINYIN;                                                        \
            if (c == ',' && i + 3 < n && is_decimal(s[i + 1]) && is_decimal(s[i + 2])      \
                && is_decimal(s[i + 3]))                                                   \
                found |= TM_THOUSANDS;                                                     \
            if (c == '\n' && prev == ' ')                                                  \
                found |= TM_TRAILING_SPACE;                                                \
        }                                                                                  \
        if (n > 0 && s[n - 1] == ' ')                                                      \
            found |= TM_TRAILING_SPACE;                                                    \
        return found | (traditional > 255 ? 255 : traditional) << TM_TRADITIONAL_SHIFT;    \
    }

DEFINE_TEXT_MARKS(text_marks_1, Py_UCS1)
DEFINE_TEXT_MARKS(text_marks_2, Py_UCS2)
DEFINE_TEXT_MARKS(text_marks_4, Py_UCS4)

static PyObject *text_marks(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1])
        || PyBytes_GET_SIZE(args[1]) != 0x10000) {
        PyErr_SetString(PyExc_TypeError, "text_marks(text: str, classes: 65536 bytes)");
        return NULL;
    }
    PyObject *text = args[0];
    if (PyUnicode_READY(text) < 0)
        return NULL;
    const unsigned char *classes = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        return PyLong_FromLong(text_marks_1((const Py_UCS1 *)data, n, classes));
    case PyUnicode_2BYTE_KIND:
        return PyLong_FromLong(text_marks_2((const Py_UCS2 *)data, n, classes));
    default:
        return PyLong_FromLong(text_marks_4((const Py_UCS4 *)data, n, classes));
    }
}

/* ---------------------------------------------------------------- finished cells */

/* Whether ``normalize._finished`` holds for cells (``finished_cells``): their texts
 * joined by NUL (``J``) would be left as they are by folding white space
 * (``" ".join(J.split()) == J``), with no space beside a NUL and no dash but a lone '-'
 * (none of ``normalize._OTHER_DASHES``). Looked at cell by cell, without joining them. */
static int other_dash(Py_UCS4 c) {
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2500 || c == 0x2501 || c == 0xFF0D;
}

/* One character of J after ``*prev`` (START before the first): whether J may still be
 * finished. */
#define J_START 0xFFFFFFFFu
static int finished_char(Py_UCS4 c, Py_UCS4 *prev) {
    Py_UCS4 before = *prev;
    *prev = c;
    if (c == ' ')
        return before != J_START && before != ' ' && before != 0;
    if (c == 0)
        return before != ' ';
    if (c == '-')
        return before != '-';
    if (c < 128)
        return !Py_UNICODE_ISSPACE(c);
    return !Py_UNICODE_ISSPACE(c) && !other_dash(c);
}

/* The characters of one cell (of kind ``T``) after ``*prev``: whether J may still be
 * finished. */
#define DEFINE_FINISHED_RUN(NAME, T)                                                       \
    static int NAME(const T *s, Py_ssize_t n, Py_UCS4 *prev) {                             \
        for (const T *p = s, *end = s + n; p < end; p++) {                                 \
            Py_UCS4 c = *p;                                                                \
            /* (the usual character: a digit, a letter, a Chinese character) */           \
            if ((c > ' ' && c < 127 && c != '-') || (c >= 0x3400 && c < 0xFF00)) {         \
                *prev = c;                                                                 \
                continue;                                                                  \
            }                                                                              \
            if (!finished_char(c, prev))                                                   \
                return 0;                                                                  \
        }                                                                                  \
        return 1;                                                                          \
    }

DEFINE_FINISHED_RUN(finished_run_1, Py_UCS1)
DEFINE_FINISHED_RUN(finished_run_2, Py_UCS2)
DEFINE_FINISHED_RUN(finished_run_4, Py_UCS4)

static PyObject *finished_cells(PyObject *module, PyObject *cells) {
    (void)module;
    if (!PyList_Check(cells)) {
        PyErr_SetString(PyExc_TypeError, "finished_cells(cells: list of str)");
        return NULL;
    }
    Py_UCS4 prev = J_START;
    Py_ssize_t count = PyList_GET_SIZE(cells);
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *cell = PyList_GET_ITEM(cells, k);
        if (!PyUnicode_Check(cell)) {
            PyErr_SetString(PyExc_TypeError, "finished_cells(cells: list of str)");
            return NULL;
        }
        if (PyUnicode_READY(cell) < 0)
            return NULL;
        if (k > 0 && !finished_char(0, &prev))
            Py_RETURN_FALSE;
        const void *data = PyUnicode_DATA(cell);
        Py_ssize_t n = PyUnicode_GET_LENGTH(cell);
        int finished;
        switch (PyUnicode_KIND(cell)) {
        case PyUnicode_1BYTE_KIND:
            finished = finished_run_1((const Py_UCS1 *)data, n, &prev);
            break;
        case PyUnicode_2BYTE_KIND:
            finished = finished_run_2((const Py_UCS2 *)data, n, &prev);
            break;
        default:
            finished = finished_run_4((const Py_UCS4 *)data, n, &prev);
        }
        if (!finished)
            Py_RETURN_FALSE;
    }
    if (prev == ' ')
        Py_RETURN_FALSE;
    Py_RETURN_TRUE;
}

static void scan_free(Scan *sc) {
    buf_free(&sc->clutter);
    buf_free(&sc->para);
    buf_free(&sc->cur);
    buf_free(&sc->joined);
    buf_free(&sc->caption);
    buf_free(&sc->scratch);
    PyMem_Free(sc->stack);
    PyMem_Free(sc->widths);
    PyMem_Free(sc->merged);
    Py_CLEAR(sc->cells);
    Py_CLEAR(sc->texts);
    Py_CLEAR(sc->blocks);
}

static PyObject *scan(PyObject *module, PyObject *args) {
    PyObject *markup, *table_type;
    int spans, word_lists = 0, stored = 0;
    (void)module;
    if (!PyArg_ParseTuple(args, "OpO|pp:scan", &markup, &spans, &table_type, &word_lists,
                          &stored))
        return NULL;
    Py_ssize_t n;
    const char *utf8;
    int from_bytes = PyBytes_Check(markup);
    if (from_bytes) {
        /* (the page's own UTF-8: no copy of it encoded again from its text) */
        utf8 = PyBytes_AS_STRING(markup);
        n = PyBytes_GET_SIZE(markup);
    } else if (PyUnicode_Check(markup)) {
        utf8 = PyUnicode_AsUTF8AndSize(markup, &n);
        if (utf8 == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
                return NULL;
            PyErr_Clear(); /* (lone surrogates: the tree's business) */
            Py_RETURN_NONE;
        }
    } else {
        PyErr_SetString(PyExc_TypeError, "scan: markup must be str or UTF-8 bytes");
        return NULL;
    }
    Scan sc;
    memset(&sc, 0, sizeof(sc));
    sc.s = (const unsigned char *)utf8;
    sc.n = n;
    sc.line = 1;
    sc.state = S_PROLOG;
    sc.skip_at = -1;
    sc.para_line = -1;
    sc.last = 1;
    sc.spans = spans;
    sc.word_lists = word_lists;
    sc.stored = stored;
    sc.table_type = table_type;
    sc.table_at = sc.cell_at = sc.cell_skip_at = sc.caption_at = -1;
    sc.texts = PyList_New(0);
    sc.blocks = PyList_New(0);
    PyObject *result = NULL;
    if (sc.texts == NULL || sc.blocks == NULL) {
        scan_free(&sc);
        return NULL;
    }
    int r = run(&sc);
    if (r == 0)
        result = Py_BuildValue("(OOOO)", sc.texts, sc.blocks,
                               sc.dropped_hidden ? Py_True : Py_False,
                               sc.script_markup ? Py_True : Py_False);
    else if (r > 0)
        result = Py_NewRef(Py_None);
    else if (from_bytes && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        PyErr_Clear(); /* (bytes that are not UTF-8: the tree's business) */
        result = Py_NewRef(Py_None);
    }
    scan_free(&sc);
    return result;
}

static PyMethodDef METHODS[] = {
    {"scan", scan, METH_VARARGS,
     "scan(markup, spans, table_type, word_lists=False, stored=False) -> "
     "(markup: str, or bytes in UTF-8) "
     "(texts, blocks, dropped_hidden, script_markup) or None"},
    {"marks", marks, METH_O,
     "marks(page: UTF-8 bytes) -> int: bits of rowspan/colspan, 'isplay', 'ISPLAY', "
     "'mso-list', 'x:num', '年度报告', '年报' found in the page"},
    {"text_marks", (PyCFunction)(void (*)(void))text_marks, METH_FASTCALL,
     "text_marks(text, classes: 65536 bytes) -> int: what normalize_text's passes look "
     "for, found in one pass (normalize._text_marks)"},
    {"finished_cells", finished_cells, METH_O,
     "finished_cells(cells: list of str) -> bool: normalize._finished of the cells joined "
     "by NUL, without joining them"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef MODULE = {
    PyModuleDef_HEAD_INIT, "_html_scan", NULL, -1, METHODS, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__html_scan(void) {
    if (init_tags() < 0)
        return NULL;
    init_bytes();
    return PyModule_Create(&MODULE);
}
