/*
 * test_petrxml.c — the PETRARCH XML reader (src/petrxml.c), and the PTB
 * parses of PETRARCH's own files through src/ptb.c (those checks read
 * ../shared, or $DYAD_SHARED, and are skipped when it is absent).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "harness.h"
#include "petrxml.h"
#include "ptb.h"

/* ------------------------------------------------------------ transcripts */

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            abort();
        b->p = p;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

#define S(x) ((x) ? (x) : "(null)")

static void describe(sbuf *b, const dyad_px_item *it)
{
    switch (it->kind) {
    case DYAD_PX_END:
        sb_printf(b, "END\n");
        break;
    case DYAD_PX_ERROR:
        sb_printf(b, "ERROR@%ld %s\n", it->line, S(it->error));
        break;
    case DYAD_PX_CONFIG:
        sb_printf(b, "CONFIG@%ld %s=%s\n", it->line, S(it->config.option), S(it->config.value));
        break;
    case DYAD_PX_ENVIRONMENT: {
        const dyad_px_environment *e = &it->env;
        sb_printf(b, "ENV@%ld verb=%s agent=%s discard=%s issue=%s include=%s actors=[", it->line,
                  S(e->verbfile), S(e->agentfile), S(e->discardfile), S(e->issuefile),
                  S(e->include));
        for (int i = 0; i < e->nactorfiles; i++)
            sb_printf(b, "%s%s", i ? "," : "", e->actorfiles[i]);
        sb_printf(b, "] config=[");
        for (int i = 0; i < e->nconfigs; i++)
            sb_printf(b, "%s%s=%s@%ld", i ? "," : "", S(e->configs[i].option),
                      S(e->configs[i].value), e->configs[i].line);
        sb_printf(b, "] other=[");
        for (int i = 0; i < e->nothers; i++)
            sb_printf(b, "%s%s=%s@%ld", i ? "," : "", e->others[i].name, e->others[i].value,
                      e->others[i].line);
        sb_printf(b, "]%s%s\n", e->problem ? " problem=" : "", e->problem ? e->problem : "");
        break;
    }
    case DYAD_PX_RECORD: {
        const dyad_px_record *r = &it->rec;
        sb_printf(b, "REC@%ld id=%s date=%s source=%s category=%s sentence=%s/%d text=[%s]",
                  it->line, S(r->id), S(r->date), S(r->source), S(r->category),
                  S(r->sentence_attr), r->sentence, S(r->text));
        if (r->text && strlen(r->text) != r->text_len)
            sb_printf(b, " TEXT_LEN_WRONG");
        if (r->parse && strlen(r->parse) != r->parse_len)
            sb_printf(b, " PARSE_LEN_WRONG");
        sb_printf(b, " parse=%d@%ld[%s]", (int)r->parse_kind, r->parse_line, S(r->parse));
        if (r->ncodings) {
            sb_printf(b, " codings=[");
            for (int i = 0; i < r->ncodings; i++) {
                const dyad_px_coding *c = &r->codings[i];
                sb_printf(b, "%s%s|%s|%s|%s/%d|%s@%ld", i ? "," : "", S(c->sourcecode),
                          S(c->targetcode), S(c->eventcode), S(c->noevents_attr), c->noevents,
                          S(c->error), c->line);
            }
            sb_printf(b, "]");
        }
        if (r->problem)
            sb_printf(b, " problem=%s", r->problem);
        sb_printf(b, "\n");
        break;
    }
    }
}

/* Every item of a reader, one line each, END or ERROR last. */
static char *drain(dyad_petrxml *r)
{
    sbuf b = {0};
    dyad_px_item it;
    sb_printf(&b, "%s", "");
    for (int guard = 0; guard < 100000; guard++) {
        dyad_px_kind k = dyad_petrxml_next(r, &it);
        describe(&b, &it);
        if (k == DYAD_PX_END || k == DYAD_PX_ERROR)
            break;
    }
    /* after END or ERROR, END for good */
    if (dyad_petrxml_next(r, &it) != DYAD_PX_END || dyad_petrxml_next(r, &it) != DYAD_PX_END)
        sb_printf(&b, "NOT-END-AFTER\n");
    dyad_petrxml_close(r);
    return b.p;
}

static char *run_cap(const char *xml, size_t max_field)
{
    return drain(dyad_petrxml_open_memory(xml, strlen(xml), max_field));
}

static char *run(const char *xml)
{
    return run_cap(xml, 0);
}

#define CHECK_RUN(xml, want)                                                   \
    do {                                                                       \
        char *got_ = run(xml);                                                 \
        CHECK_STR(got_, want);                                                 \
        free(got_);                                                            \
    } while (0)

/* ------------------------------------------------------------------ tests */

static void test_records(void)
{
    CHECK_RUN("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<Sentences>\n"
              "<!-- a comment <Sentence id=\"no\"> -->\n"
              "<Sentence date=\"20240102\" id=\"ERE_1\" source=\"WIRE\" sentence=\"True\">\n"
              "<Text>\n"
              "  Lothlorien   sent envoys\n"
              "\tto Dale.\n"
              "</Text>\n"
              "<Parse>\n"
              "(ROOT (S (NP (NNP Lothlorien)) (VP (VBD sent))))\n"
              "</Parse>\n"
              "</Sentence>\n"
              "<Sentence id=\"ERE_2\" sentence=\"false\" category=\"DEMO\">\n"
              "<EventCoding sourcecode=\"LOT\" targetcode=\"DAL\" eventcode=\"042\"></EventCoding>\n"
              "<EventCoding sourcecode='\"NEW ACTOR\"' targetcode=\"DAL\" eventcode=\"042\"/>\n"
              "<EventCoding noevents = \"True\"/>\n"
              "<EventCoding error=\"dateline\"/>\n"
              "<Text>Dale &amp; Esgaroth &#x41;&lt;B&gt;</Text>\n"
              "<Parse></Parse>\n"
              "</Sentence>\n"
              "<Sentence sentence=\"TRUE\"/>\n"
              "<Sentence sentence=\"yes\"><Text/><Parse>  \n </Parse></Sentence>\n"
              "</Sentences>\n",
              "REC@4 id=ERE_1 date=20240102 source=WIRE category=(null) sentence=True/1 "
              "text=[Lothlorien sent envoys to Dale.] "
              "parse=1@9[\n(ROOT (S (NP (NNP Lothlorien)) (VP (VBD sent))))\n]\n"
              "REC@13 id=ERE_2 date=(null) source=(null) category=DEMO sentence=false/0 "
              "text=[Dale & Esgaroth A<B>] parse=0@19[] "
              "codings=[LOT|DAL|042|(null)/0|(null)@14,\"NEW ACTOR\"|DAL|042|(null)/0|(null)@15,"
              "(null)|(null)|(null)|True/1|(null)@16,(null)|(null)|(null)|(null)/0|dateline@17]\n"
              "REC@21 id=(null) date=(null) source=(null) category=(null) sentence=TRUE/1 "
              "text=[(null)] parse=0@0[(null)]\n"
              "REC@22 id=(null) date=(null) source=(null) category=(null) sentence=yes/0 "
              "text=[] parse=0@22[  \n ]\n"
              "END\n");
    /* <Sentence> at any depth; the root may be anything, or a <Sentence> */
    CHECK_RUN("<a><b><c><Sentence id=\"deep\"><Text>x</Text></Sentence></c></b></a>",
              "REC@1 id=deep date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[x] parse=0@0[(null)]\nEND\n");
    CHECK_RUN("<Sentence id=\"root\"/>",
              "REC@1 id=root date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[(null)] parse=0@0[(null)]\nEND\n");
    /* only direct children count; the first <Text> and <Parse> win */
    CHECK_RUN("<S><Sentence id=\"a\">\n<Text>one <i>two</i> three</Text><Text>four</Text>\n"
              "<x><Text>five</Text><EventCoding eventcode=\"1\"/></x>"
              "<Parse>(NN a)</Parse><Parse>(NN b)</Parse></Sentence></S>",
              "REC@1 id=a date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[one two three] parse=1@3[(NN a)]\nEND\n");
    /* a nested <Sentence> is noted on the outer record, not read */
    CHECK_RUN("<S><Sentence id=\"a\"><Sentence id=\"b\"><Text>in</Text></Sentence>"
              "<Text>out</Text></Sentence></S>",
              "REC@1 id=a date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[out] parse=0@0[(null)] problem=<Sentence> inside <Sentence> at line 1 "
              "ignored\nEND\n");
    /* no records at all */
    CHECK_RUN("<Sentences/>", "END\n");
    CHECK_RUN("<Sentences>\n</Sentences>\n", "END\n");
}

static void test_environment(void)
{
    CHECK_RUN("<Validation>\n"
              "<Environment>\n"
              "    <Verbfile>  Test.verbs.txt  </Verbfile>\n"
              "    <Actorfile>One.actors.txt</Actorfile>\n"
              "    <Actorfile>Two.actors.txt,Three.actors.txt</Actorfile>\n"
              "    <Agentfile>Test.agents.txt</Agentfile>\n"
              "    <Discardfile>Test.discards.txt</Discardfile>\n"
              "    <Issuefile>Test.issues.txt</Issuefile>\n"
              "    <Include>valid DEMO\n  ACTOR</Include>\n"
              "    <Errorfile>err.txt</Errorfile>\n"
              "    <Pause/>\n"
              "    <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
              "    <Config option=\"comma_min\" value=\"2\"/>\n"
              "</Environment>\n"
              "<Sentences>\n"
              "<Config option=\"new_actor_length\" value=\"4\"></Config>\n"
              "<Sentence id=\"T-1\">\n"
              "<Config option=\"require_dyad\" value=\"false\"/>\n"
              "<Text>Gondor wept.</Text>\n"
              "</Sentence>\n"
              "<Config option=\"only_option\"/>\n"
              "</Sentences>\n"
              "</Validation>\n",
              "ENV@2 verb=Test.verbs.txt agent=Test.agents.txt discard=Test.discards.txt "
              "issue=Test.issues.txt include=valid DEMO\n  ACTOR "
              "actors=[One.actors.txt,Two.actors.txt,Three.actors.txt] "
              "config=[stop_on_error=True@13,comma_min=2@14] other=[Errorfile=err.txt@11,Pause=@12]\n"
              "CONFIG@17 new_actor_length=4\n"
              "CONFIG@19 require_dyad=false\n"
              "REC@18 id=T-1 date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[Gondor wept.] parse=0@0[(null)]\n"
              "CONFIG@22 only_option=(null)\n"
              "END\n");
    CHECK_RUN("<V><Environment/><Environment><Verbfile>v</Verbfile></Environment></V>",
              "ENV@1 verb=(null) agent=(null) discard=(null) issue=(null) include=(null) "
              "actors=[] config=[] other=[]\n"
              "ENV@1 verb=v agent=(null) discard=(null) issue=(null) include=(null) "
              "actors=[] config=[] other=[]\nEND\n");
}

static void test_cdata(void)
{
    CHECK_RUN("<S><Sentence id=\"c\">\n"
              "<Text><![CDATA[Tom & <Jerry>]]> met\n<![CDATA[ Spike ]]></Text>\n"
              "<Parse><![CDATA[(S (NP (NNP Tom) (CC &) (NNP Jerry)))]]></Parse>\n"
              "</Sentence></S>",
              "REC@1 id=c date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[Tom & <Jerry> met Spike] parse=1@4[(S (NP (NNP Tom) (CC &) (NNP Jerry)))]\n"
              "END\n");
}

static void test_entities(void)
{
    /* a declared internal entity is not expanded, in text or attributes */
    CHECK_RUN("<!DOCTYPE S [<!ENTITY ent \"EXPANDED\">]>\n"
              "<S><Sentence id=\"a&ent;b\" source=\"x&amp;y\">\n"
              "<Text>one &ent; two &amp; &#233;</Text></Sentence></S>",
              "REC@2 id=a&ent;b date=(null) source=x&y category=(null) sentence=(null)/-1 "
              "text=[one &ent; two & \xc3\xa9] parse=0@0[(null)]\nEND\n");

    /* "billion laughs": an error, quickly, not a blow-up */
    sbuf b = {0};
    sb_printf(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE S [\n <!ENTITY l0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        sb_printf(&b, " <!ENTITY l%d \"", i);
        for (int k = 0; k < 10; k++)
            sb_printf(&b, "&l%d;", i - 1);
        sb_printf(&b, "\">\n");
    }
    sb_printf(&b, "]>\n<S>\n<Sentence id=\"ok\"><Text>fine</Text></Sentence>\n"
                  "<Sentence id=\"lolz\">\n<Text>&l9;</Text></Sentence></S>\n");
    char *got = run(b.p);
    CHECK(strncmp(got, "REC@15 id=ok ", 13) == 0);
    CHECK(strstr(got, "\nERROR@17 line 17: Detected an entity reference loop\n") != NULL);
    CHECK(strlen(got) < 1000);
    free(got);
    /* the same in an attribute */
    char *attr = strstr(b.p, "<Sentence id=\"lolz\">");
    memcpy(attr, "<Sentence id=\"&l9;\">", 20);
    got = run(b.p);
    CHECK(strstr(got, "ERROR@16 line 16:") != NULL);
    CHECK(strlen(got) < 1000);
    free(got);
    free(b.p);

    /* an external entity (and parameter entity, and DTD) is never loaded */
    char path[] = "/tmp/dyad_test_petrxml_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        CHECK(write(fd, "SECRET", 6) == 6);
        close(fd);
        char xml[1024];
        snprintf(xml, sizeof xml,
                 "<!DOCTYPE S SYSTEM \"%s\" [<!ENTITY ext SYSTEM \"%s\">"
                 "<!ENTITY %% pe SYSTEM \"%s\"> %%pe;]>\n"
                 "<S><Sentence id=\"x\"><Text>a &ext; b &fromdtd; c</Text></Sentence></S>",
                 path, path, path);
        got = run(xml);
        CHECK_STR(got, "REC@2 id=x date=(null) source=(null) category=(null) "
                       "sentence=(null)/-1 text=[a &ext; b &fromdtd; c] parse=0@0[(null)]\nEND\n");
        free(got);
        unlink(path);
    }

    /* an undeclared entity in a document without a DTD is an XML error */
    CHECK_RUN("<S>\n<Sentence id=\"a\"/>\n<Sentence id=\"b\">\n<Text>x &nope; y</Text>\n"
              "</Sentence></S>\n",
              "REC@2 id=a date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[(null)] parse=0@0[(null)]\n"
              "ERROR@4 line 4: Entity 'nope' not defined\n");
}

static const char three_records[] =
    "<Sentences>\n"
    "<Sentence id=\"R_1\" date=\"20240101\">\n"
    "<Text>One.</Text>\n"
    "<Parse>(S (NN one))</Parse>\n"
    "</Sentence>\n"
    "<Sentence id=\"R_2\" date=\"20240101\"><Text>Two.</Text></Sentence>\n"
    "<Sentence id=\"R_3\" date=\"20240101\">\n"
    "<Text>Three.</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n";

static int count_records(const char *xml, size_t len, char *error, size_t errlen)
{
    dyad_petrxml *r = dyad_petrxml_open_memory(xml, len, 0);
    dyad_px_item it;
    int n = 0;
    error[0] = '\0';
    dyad_px_kind k;
    while ((k = dyad_petrxml_next(r, &it)) != DYAD_PX_END) {
        if (k == DYAD_PX_RECORD)
            n++;
        if (k == DYAD_PX_ERROR)
            snprintf(error, errlen, "%s", it.error);
    }
    dyad_petrxml_close(r);
    return n;
}

static void test_errors(void)
{
    /* truncated: the records before are delivered, then the error with its line */
    char *got = run_cap(three_records, 0);
    CHECK(strstr(got, "REC@7 id=R_3") != NULL);
    free(got);
    size_t cut = (size_t)(strstr(three_records, "<Text>Three") - three_records) + 9;
    char *part = malloc(cut + 1);
    memcpy(part, three_records, cut);
    part[cut] = '\0';
    got = run(part);
    CHECK(strstr(got, "REC@2 id=R_1 ") != NULL);
    CHECK(strstr(got, "REC@6 id=R_2 ") != NULL);
    CHECK(strstr(got, "id=R_3") == NULL);
    CHECK(strstr(got, "\nERROR@8 line 8: ") != NULL);
    CHECK(strstr(got, "\nERROR@8 line 8: unexpected end of input inside the <Sentence> of line 7 "
                      "(truncated?)\n") != NULL);
    CHECK_RUN("<S>\n<x>\n<y>", "ERROR@3 line 3: unexpected end of input inside an open element "
                                "(truncated?)\n");
    free(got);
    free(part);

    /* cut at every byte: every record whose end tag is complete is delivered,
     * and anything short of the whole file is an error naming a line */
    size_t full = strlen(three_records);
    int bad = 0;
    for (size_t n = 0; n <= full; n++) {
        int want = 0;
        for (const char *p = three_records; (p = strstr(p, "</Sentence>")) != NULL; p++)
            if ((size_t)(p - three_records) + 11 <= n)
                want++;
        /* "<Sentence .../>" has no end tag: R_2's ends with "</Sentence>" too */
        char error[256];
        int got_n = count_records(three_records, n, error, sizeof error);
        int complete = n >= full - 1; /* the final newline is optional */
        if (got_n != want || (!complete && strncmp(error, "line ", 5) != 0) ||
            (complete && error[0])) {
            if (bad++ < 5)
                fprintf(stderr, "cut at %zu: %d records (want %d), error \"%s\"\n", n, got_n,
                        want, error);
        }
    }
    CHECK_INT(bad, 0);

    /* mismatched tags: the line of the error */
    CHECK_RUN("<S>\n<Sentence id=\"a\">\n<Text>x</Txet>\n</Sentence>\n</S>\n",
              "ERROR@3 line 3: Opening and ending tag mismatch: Text line 3 and Txet\n");
    /* an error in the middle: every record ending on an earlier line came first */
    got = run("<S>\n<Sentence id=\"a\"><Text>x</Text>\n</Sentence>\n"
              "<Sentence id=\"b\"/><Sentence id=\"c\"/>\n<Sentence id=\"d\"/></Bad>\n</S>");
    CHECK(strstr(got, "REC@2 id=a ") != NULL);
    CHECK(strstr(got, "REC@4 id=b ") != NULL);
    CHECK(strstr(got, "REC@4 id=c ") != NULL);
    CHECK(strstr(got, "\nERROR@5 line 5: Opening and ending tag mismatch: S line 1 and Bad\n") !=
          NULL);
    free(got);
    /* not XML, empty, two roots */
    got = run("hello");
    CHECK(strncmp(got, "ERROR@1 line 1: ", 16) == 0);
    free(got);
    CHECK_RUN("", "ERROR@1 line 1: Document is empty\n");
    CHECK_RUN(" \n<!-- nothing -->\n", "ERROR@3 line 3: Document is empty\n");
    /* libxml2's two-line messages become one line */
    CHECK_RUN("<S><Sentence><Text>caf\xe9</Text></Sentence></S>",
              "ERROR@1 line 1: Input is not proper UTF-8, indicate encoding ! "
              "Bytes: 0xE9 0x3C 0x2F 0x54\n");
    /* a declared encoding is honoured */
    CHECK_RUN("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
              "<S><Sentence><Text>caf\xe9</Text></Sentence></S>",
              "REC@2 id=(null) date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[caf\xc3\xa9] parse=0@0[(null)]\nEND\n");
    got = run("<a/><b/>");
    CHECK(strncmp(got, "ERROR@1 line 1: Extra content at the end of the document\n", 57) == 0);
    free(got);
    /* binary junk with a NUL */
    got = drain(dyad_petrxml_open_memory("<S>\0<Sentence/></S>", 19, 0));
    CHECK(strncmp(got, "ERROR@1 line 1: ", 16) == 0);
    free(got);
    /* a missing file */
    got = drain(dyad_petrxml_open_file("/nonexistent/dir/file.xml", 0));
    CHECK_STR(got, "ERROR@0 cannot open /nonexistent/dir/file.xml: No such file or directory\n");
    free(got);
    /* a directory opens but cannot be read */
    got = drain(dyad_petrxml_open_file("/", 0));
    CHECK(strncmp(got, "ERROR@", 6) == 0);
    free(got);
    /* NULL is fine */
    dyad_petrxml_close(NULL);
    dyad_px_item it;
    CHECK_INT(dyad_petrxml_next(NULL, &it), DYAD_PX_END);
}

/* libxml2 must not write anything to stderr, whatever the input */
static void test_silent(void)
{
    fflush(stderr);
    char path[] = "/tmp/dyad_test_petrxml_err_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        SKIP("no temporary file");
    int saved = dup(2);
    dup2(fd, 2);
    const char *bad[] = {
        "<S><Sentence id='a'><Text>x &nope; y</Text></Sentence></S>",
        "<S><Sentence id='a' id='b'/></S>",
        "<S xmlns:a='relative'><a:b/><c:d/></S>",
        "<?xml version='1.0' encoding='NOPE-8'?><S/>",
        "<S>\xff\xfe</S>",
        "<!DOCTYPE S SYSTEM 'http://example.invalid/x.dtd'><S>&x;</S>",
        "<S><Sentence",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        free(run(bad[i]));
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    off_t size = lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    CHECK_INT(size, 0);
}

static void test_conllu(void)
{
    const char *ud = "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                     "2\twept\tweep\tVERB\tVBD\t_\t0\troot\t_\t_\n";
    CHECK_INT(dyad_px_parse_kind_of(ud, strlen(ud)), DYAD_PX_PARSE_CONLLU);
    const char *ud2 = "\n  \n# sent_id = 1\n# text = x\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n";
    CHECK_INT(dyad_px_parse_kind_of(ud2, strlen(ud2)), DYAD_PX_PARSE_CONLLU);
    const char *ud3 = "3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_";
    CHECK_INT(dyad_px_parse_kind_of(ud3, strlen(ud3)), DYAD_PX_PARSE_CONLLU);
    CHECK_INT(dyad_px_parse_kind_of(" \n (S (NN a))", 13), DYAD_PX_PARSE_PTB);
    CHECK_INT(dyad_px_parse_kind_of(" \n\t ", 4), DYAD_PX_PARSE_NONE);
    CHECK_INT(dyad_px_parse_kind_of("", 0), DYAD_PX_PARSE_NONE);
    CHECK_INT(dyad_px_parse_kind_of(NULL, 0), DYAD_PX_PARSE_NONE);
    CHECK_INT(dyad_px_parse_kind_of("# only a comment\n", 17), DYAD_PX_PARSE_NONE);
    CHECK_INT(dyad_px_parse_kind_of("1 Arnor NNP", 11), DYAD_PX_PARSE_OTHER);   /* no tabs */
    CHECK_INT(dyad_px_parse_kind_of("1\tArnor\tNNP", 11), DYAD_PX_PARSE_OTHER); /* 3 fields */
    CHECK_INT(dyad_px_parse_kind_of("x\ty\tz\tw\tv\tu", 11), DYAD_PX_PARSE_OTHER);
    CHECK_INT(dyad_px_parse_kind_of("1-\tx\t_\t_\t_\t_", 12), DYAD_PX_PARSE_OTHER);
    CHECK_INT(dyad_px_parse_kind_of("Arnor wept.", 11), DYAD_PX_PARSE_OTHER);
    CHECK_RUN("<S><Sentence id=\"u\"><Parse>\n1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
              "</Parse></Sentence></S>",
              "REC@1 id=u date=(null) source=(null) category=(null) sentence=(null)/-1 "
              "text=[(null)] parse=2@1[\n1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n]\nEND\n");
}

static void test_cap(void)
{
    const char *xml = "<S><Sentence id=\"a\"><Text>0123456789 0123456789</Text>"
                      "<Parse>(S (NN x))</Parse></Sentence>"
                      "<Sentence id=\"b\"><Text>short</Text><Parse>"
                      "(S (NP (NN x)) (VP (VB y)))</Parse></Sentence></S>";
    char *got = run_cap(xml, 16);
    CHECK_STR(got, "REC@1 id=a date=(null) source=(null) category=(null) sentence=(null)/-1 "
                   "text=[(null)] parse=1@1[(S (NN x))] problem=<Text> is over the limit of "
                   "16 bytes\n"
                   "REC@1 id=b date=(null) source=(null) category=(null) sentence=(null)/-1 "
                   "text=[short] parse=0@1[(null)] problem=<Parse> is over the limit of 16 "
                   "bytes\nEND\n");
    free(got);
    /* exactly at the cap is fine (before whitespace is squeezed) */
    got = run_cap("<S><Sentence><Text>0123456789abcdef</Text></Sentence></S>", 16);
    CHECK(strstr(got, "text=[0123456789abcdef]") != NULL && !strstr(got, "problem"));
    free(got);
    /* a large <Text> under the default cap */
    size_t big = (size_t)3 * 1024 * 1024;
    char *x = malloc(big + 100);
    strcpy(x, "<S><Sentence><Text>");
    size_t k = strlen(x);
    for (size_t i = 0; i < big; i++)
        x[k++] = (i % 80 == 79) ? '\n' : 'a';
    strcpy(x + k, "</Text></Sentence></S>");
    dyad_petrxml *r = dyad_petrxml_open_memory(x, strlen(x), 0);
    dyad_px_item it;
    CHECK_INT(dyad_petrxml_next(r, &it), DYAD_PX_RECORD);
    CHECK_INT(it.rec.text_len, big); /* newlines became spaces */
    CHECK(it.rec.problem == NULL);
    CHECK_INT(dyad_petrxml_next(r, &it), DYAD_PX_END);
    dyad_petrxml_close(r);
    free(x);
}

static void test_file(void)
{
    char path[] = "/tmp/dyad_test_petrxml_file_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        SKIP("no temporary file");
    FILE *f = fdopen(fd, "w");
    fprintf(f, "<?xml version=\"1.0\"?>\n<Sentences>\n");
    for (int i = 0; i < 3000; i++)
        fprintf(f,
                "<Sentence id=\"F_%d\" date=\"20240101\" sentence=\"True\">\n<Text>Gondor %d "
                "wept.</Text>\n<Parse>(S (NP (NNP Gondor)) (VP (VBD wept)))</Parse>\n"
                "</Sentence>\n",
                i, i);
    fprintf(f, "</Sentences>\n");
    fclose(f);
    dyad_petrxml *r = dyad_petrxml_open_file(path, 0);
    dyad_px_item it;
    int n = 0, good = 0;
    dyad_px_kind k;
    while ((k = dyad_petrxml_next(r, &it)) == DYAD_PX_RECORD) {
        char want[64];
        snprintf(want, sizeof want, "F_%d", n);
        if (it.rec.id && strcmp(it.rec.id, want) == 0 && it.rec.line == 3 + 4 * n &&
            it.rec.parse_kind == DYAD_PX_PARSE_PTB)
            good++;
        n++;
    }
    CHECK_INT(k, DYAD_PX_END);
    CHECK_INT(n, 3000);
    CHECK_INT(good, 3000);
    dyad_petrxml_close(r);
    /* the same file cut short: every complete record, then the error */
    CHECK(truncate(path, 200000) == 0);
    r = dyad_petrxml_open_file(path, 0);
    n = 0;
    while ((k = dyad_petrxml_next(r, &it)) == DYAD_PX_RECORD)
        n++;
    CHECK_INT(k, DYAD_PX_ERROR);
    CHECK(strncmp(it.error, "line ", 5) == 0);
    dyad_petrxml_close(r);
    char *s = malloc(200001);
    f = fopen(path, "rb");
    size_t len = f ? fread(s, 1, 200000, f) : 0;
    if (f)
        fclose(f);
    s[len] = '\0';
    int want = 0;
    for (const char *p = s; (p = strstr(p, "</Sentence>")) != NULL; p++)
        if ((size_t)(p - s) + 11 <= len)
            want++;
    CHECK_INT(n, want);
    free(s);
    unlink(path);
}

/* ------------------------------------------------------ ../shared checks */

static const char *shared_dir(void)
{
    const char *s = getenv("DYAD_SHARED");
    return s && *s ? s : "../shared";
}

typedef struct tally {
    int env, config, records, disabled, no_id, codings, noevents, errors, quoted;
    int ptb, ptb_ok, conllu, other, none, problems;
    char failed[8][512];
    int nfailed;
    const char *env_verb_ok;
} tally;

static int read_shared(const char *file, tally *t)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/petrarch/text/%s", shared_dir(), file);
    if (access(path, R_OK) != 0)
        return -1;
    memset(t, 0, sizeof *t);
    dyad_petrxml *r = dyad_petrxml_open_file(path, 0);
    dyad_arena a;
    dyad_arena_init(&a);
    dyad_px_item it;
    dyad_px_kind k;
    while ((k = dyad_petrxml_next(r, &it)) != DYAD_PX_END) {
        if (k == DYAD_PX_ERROR) {
            fprintf(stderr, "%s: %s\n", file, it.error);
            t->problems++;
            break;
        }
        if (k == DYAD_PX_CONFIG)
            t->config++;
        if (k == DYAD_PX_ENVIRONMENT) {
            t->env++;
            if (it.env.verbfile && strcmp(it.env.verbfile, "PETR.Validate.verbs.txt") == 0 &&
                it.env.nactorfiles == 1 &&
                strcmp(it.env.actorfiles[0], "PETR.Validate.actors.txt") == 0 &&
                it.env.agentfile && strcmp(it.env.agentfile, "PETR.Validate.agents.txt") == 0 &&
                it.env.discardfile &&
                strcmp(it.env.discardfile, "PETR.Validate.discards.txt") == 0 &&
                it.env.nconfigs == 1 && strcmp(it.env.configs[0].option, "stop_on_error") == 0)
                t->env_verb_ok = "yes";
        }
        if (k != DYAD_PX_RECORD)
            continue;
        const dyad_px_record *rec = &it.rec;
        t->records++;
        t->disabled += rec->sentence == 0;
        t->no_id += !rec->id || !rec->date;
        t->problems += rec->problem != NULL;
        t->codings += rec->ncodings;
        for (int i = 0; i < rec->ncodings; i++) {
            t->noevents += rec->codings[i].noevents;
            t->errors += rec->codings[i].error != NULL;
            t->quoted += rec->codings[i].sourcecode && rec->codings[i].sourcecode[0] == '"';
        }
        if (rec->parse_kind == DYAD_PX_PARSE_PTB) {
            t->ptb++;
            dyad_ptb_tree tree;
            char err[256];
            if (dyad_ptb_parse(&a, rec->parse, rec->parse_len, 500, &tree, err, sizeof err) == 0)
                t->ptb_ok++;
            else if (t->nfailed < 8)
                snprintf(t->failed[t->nfailed++], 512, "%.200s: %s", S(rec->id), err);
            dyad_arena_reset(&a);
        } else if (rec->parse_kind == DYAD_PX_PARSE_CONLLU) {
            t->conllu++;
        } else if (rec->parse_kind == DYAD_PX_PARSE_OTHER) {
            t->other++;
        } else {
            t->none++;
        }
    }
    dyad_arena_free(&a);
    dyad_petrxml_close(r);
    return 0;
}

static void test_shared_unittest(void)
{
    tally t;
    if (read_shared("PETR.UnitTest.records.xml", &t) < 0)
        SKIP("../shared/petrarch/text/PETR.UnitTest.records.xml absent (set DYAD_SHARED)");
    CHECK_INT(t.problems, 0);
    CHECK_INT(t.env, 1);
    CHECK_STR(t.env_verb_ok, "yes");
    CHECK_INT(t.config, 28);
    CHECK_INT(t.records, 284);
    CHECK_INT(t.disabled, 5);
    CHECK_INT(t.no_id, 0);
    CHECK_INT(t.codings, 385);
    CHECK_INT(t.noevents, 19);
    CHECK_INT(t.errors, 7);
    CHECK_INT(t.quoted, 4);
    CHECK_INT(t.ptb, 284);
    CHECK_INT(t.ptb_ok, 282);
    CHECK_INT(t.nfailed, 2);
    /* the two deliberately unbalanced parses of the suite */
    CHECK(strncmp(t.failed[0], "ERROR-02: unbalanced parse: extra ')'", 37) == 0);
    CHECK(strncmp(t.failed[1], "ERROR-03: unbalanced parse: ')' missing at end (depth 2", 55) ==
          0);
}

static void test_shared_gigaword(void)
{
    tally t;
    if (read_shared("GigaWord.sample.PETR.xml", &t) < 0)
        SKIP("../shared/petrarch/text/GigaWord.sample.PETR.xml absent (set DYAD_SHARED)");
    CHECK_INT(t.problems, 0);
    CHECK_INT(t.env, 0);
    CHECK_INT(t.records, 76);
    CHECK_INT(t.no_id, 0);
    CHECK_INT(t.ptb, 76);
    CHECK_INT(t.ptb_ok, 76);
}

static void test_shared_ud(void)
{
    tally t;
    if (read_shared("PETR2_GSR_validation.ud.xml", &t) < 0)
        SKIP("../shared/petrarch/text/PETR2_GSR_validation.ud.xml absent (set DYAD_SHARED)");
    CHECK_INT(t.problems, 0);
    CHECK_INT(t.env, 1);
    CHECK_INT(t.records, 78);
    CHECK_INT(t.conllu, 78);
    CHECK_INT(t.ptb + t.other + t.none, 0);
    CHECK_INT(t.codings, 92);
}

int main(void)
{
    RUN(test_records);
    RUN(test_environment);
    RUN(test_cdata);
    RUN(test_entities);
    RUN(test_errors);
    RUN(test_silent);
    RUN(test_conllu);
    RUN(test_cap);
    RUN(test_file);
    RUN(test_shared_unittest);
    RUN(test_shared_gigaword);
    RUN(test_shared_ud);
    DONE();
}
