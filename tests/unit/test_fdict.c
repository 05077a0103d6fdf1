/*
 * test_fdict.c — the foreign-dictionary reader (src/fdict*.c) on small
 * invented PETRARCH2 and TABARI files, one format feature at a time, the
 * conversion to dyad's format, PETR_config.ini, and then every dictionary in
 * ../shared/petrarch/dictionaries and ../shared/tabari (skipped when absent;
 * DYAD_SHARED names another shared directory).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdict.h"
#include "harness.h"
#include "utf8.h"

/* ---------------------------------------------------------------- helpers */

static char warnings[32768];
static int nmal, nnote;

static void on_warn(void *ctx, const char *file, long line, int sev, const char *msg) {
    (void)ctx;
    size_t used = strlen(warnings);
    snprintf(warnings + used, sizeof warnings - used, "%s:%ld: %s: %s\n", file, line,
             sev == FD_SEV_MALFORMED ? "malformed" : "note", msg);
    if (sev == FD_SEV_MALFORMED) nmal++;
    else nnote++;
}

static int load(dyad_fdict *fd, const char *name, const char *text, int kind, int dialect) {
    warnings[0] = '\0';
    nmal = nnote = 0;
    char err[256];
    return dyad_fdict_load_mem(fd, name, text, strlen(text), kind, dialect, on_warn, NULL, err,
                               sizeof err);
}

static int has(const char *needle) { return strstr(warnings, needle) != NULL; }

/* The words of a phrase joined by spaces, with their marks: `_` FW_US, `^`
 * FW_CONNECT, `=` FW_EQ, `~` FW_TILDE, `*` FW_VERB. */
static const char *ph(const fd_phrase *p) {
    static char buf[1024];
    buf[0] = '\0';
    for (int i = 0; i < p->n; i++) {
        const fd_word *w = &p->w[i];
        size_t u = strlen(buf);
        snprintf(buf + u, sizeof buf - u, "%s%s%s%s%s%s%s", i ? " " : "", w->text,
                 w->flags & FW_VERB ? "*" : "", w->flags & FW_TILDE ? "~" : "",
                 w->flags & FW_US ? "_" : "", w->flags & FW_EQ ? "=" : "",
                 w->flags & FW_CONNECT ? "^" : "");
    }
    return buf;
}

static void seq_str(char *buf, size_t cap, const fd_tokseq *q);

static void tok_str(char *buf, size_t cap, const fd_token *t) {
    static const char *const k[] = {"?", "W", "*", "$", "+", "%", "^", "@", "&", "NP", "PP", "ALT"};
    size_t u = strlen(buf);
    snprintf(buf + u, cap - u, "%s%s%s%s%s", k[t->kind],
             t->kind == FT_WORD || t->kind == FT_SYNSET ? ":" : "",
             t->kind == FT_WORD || t->kind == FT_SYNSET ? t->text : "",
             t->kind == FT_SYNSET && t->synset < 0 ? "?" : "", t->flags & FW_CONNECT ? "^" : "");
    if (t->kind == FT_NOUNPHRASE || t->kind == FT_PREP) {
        strncat(buf, "(", cap - strlen(buf) - 1);
        seq_str(buf, cap, &t->sub);
        strncat(buf, ")", cap - strlen(buf) - 1);
    }
    if (t->kind == FT_ALT) {
        strncat(buf, "(", cap - strlen(buf) - 1);
        for (int a = 0; a < t->nalts; a++) {
            if (a) strncat(buf, "|", cap - strlen(buf) - 1);
            seq_str(buf, cap, &t->alts[a]);
        }
        strncat(buf, ")", cap - strlen(buf) - 1);
    }
}

static void seq_str(char *buf, size_t cap, const fd_tokseq *q) {
    for (int i = 0; i < q->n; i++) {
        if (i) strncat(buf, " ", cap - strlen(buf) - 1);
        tok_str(buf, cap, &q->t[i]);
    }
}

/* "pre / post" of a pattern */
static const char *pat(const fd_pattern *p) {
    static char buf[2048];
    buf[0] = '\0';
    seq_str(buf, sizeof buf, &p->pre);
    strncat(buf, " * ", sizeof buf - strlen(buf) - 1);
    seq_str(buf, sizeof buf, &p->post);
    return buf;
}

static const char *seq(const fd_tokseq *q) {
    static char buf[1024];
    buf[0] = '\0';
    seq_str(buf, sizeof buf, q);
    return buf;
}

/* Convert fd to dyad's format into a malloc'd string. */
static char *convert(const dyad_fdict *fd, int max_expand, fd_write_counts *wc) {
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    if (!f) return NULL;
    fd_write_opts o = {max_expand, NULL};
    char err[128];
    int rc = dyad_fdict_write_dyad(fd, f, &o, wc, err, sizeof err);
    fclose(f);
    if (rc != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* ---------------------------------------------------------------- actors */

static void test_actors_petrarch(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "a.txt",
                   "<!-- header\n"
                   "# still inside the comment -->\n"
                   "# a comment\n"
                   "FREEDONIA_  [FRE]   # trailing comment\n"
                   "+FREEDONIAN_\n"
                   "+GRAND FENWICK\n"
                   "RUFUS_T._FIREFLY_\n"
                   "\t[FREGOV 330101-331231]\n"
                   "\t[FREELI < 950601]\n"
                   "\t[FREGOV >19990816]\n"
                   "\t[FREELI]\n"
                   "SYLVANIA [SYL] [SYLGOV 0402-0403]\n"
                   "NOCODE_ENTRY\n"
                   "TRENTINO_ [TRE 040931-050101]\n"
                   "LAST_ONE [LST]\n",
                   FD_ACTORS, FD_AUTO),
              0);
    CHECK_INT(fd.dialect, FD_PETRARCH);
    CHECK_INT(fd.nactors, 5);
    const fd_actor *a = &fd.actors[0];
    CHECK_INT(a->line, 4);
    CHECK_INT(a->nnames, 3);
    CHECK_STR(ph(&a->names[0]), "FREEDONIA_");
    CHECK_STR(ph(&a->names[2]), "GRAND FENWICK");
    CHECK_INT(a->ncodes, 1);
    CHECK_STR(a->codes[0].code, "FRE");
    a = &fd.actors[1];
    CHECK_STR(ph(&a->names[0]), "RUFUS_^ T._^ FIREFLY_");
    CHECK_INT(a->ncodes, 4);
    CHECK_INT(a->codes[0].date_kind, FD_DATE_RANGE);
    CHECK_INT(a->codes[0].d1, 19330101);
    CHECK_INT(a->codes[0].d2, 19331231);
    CHECK_INT(a->codes[1].date_kind, FD_DATE_BEFORE); /* space in the date allowed */
    CHECK_INT(a->codes[1].d1, 19950601);
    CHECK_INT(a->codes[2].date_kind, FD_DATE_FROM);
    CHECK_INT(a->codes[2].d1, 19990816);
    CHECK_INT(a->codes[3].date_kind, FD_DATE_NONE);
    CHECK_INT(a->codes[1].line, 9);
    /* a bad date drops that code, not the entry */
    a = &fd.actors[2];
    CHECK_INT(a->ncodes, 1);
    CHECK(has("a.txt:12: malformed: bad code '[SYLGOV 0402-0403]': bad date"));
    CHECK(has("a.txt:13: malformed: no code for 'NOCODE_ENTRY'"));
    /* end-of-month date kept, with a note; the last entry is not dropped */
    CHECK(has("a.txt:14: note: day past the end of its month"));
    CHECK_INT(fd.actors[3].codes[0].d1, 20040931);
    CHECK_STR(fd.actors[4].names[0].w[0].text, "LAST");
    CHECK_INT(fd.counts.malformed, 2);
    CHECK_INT(fd.counts.entries, 5);
    CHECK_INT(fd.counts.names, 7);
    CHECK_INT(fd.counts.dated, 4);
    dyad_fdict_free(&fd);
}

static void test_actors_tabari(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "demo.actors",
                   "<NOUN>\n"
                   "BEES   ;pas\n"
                   "POLITICAL_SCIENTISTS\n"
                   "</NOUN>\n"
                   "<ADJECTIVE>\n"
                   "AWFUL\n"
                   "</ADJECTIVE>\n"
                   "#IGNORED  [XXX]\n"
                   "AL_GORE  [AGR] ;  comment [with brackets]\n"
                   "AL GORE  [TEN]\n"
                   "ARGENTIN  [ARG]\n"
                   "MOUSE= [MUS]\n"
                   "ENT  [### <890101] [ENT]\n"
                   "SMITH_\t\"[USAELI]; quoted\"\n"
                   "GOLLUM ; pas\n"
                   "+SMEAGOL\n"
                   "\t[HOB < 950601]\n"
                   "\t[HOBGOV 950601 - 990815]\n"
                   "\t[950601-990815]\n"
                   "\t[AAA950601-990815]\n"
                   "~~FINISH 16:47\n"
                   "AFTER_FINISH [XXX]\n",
                   FD_ACTORS, FD_AUTO),
              0);
    CHECK_INT(fd.dialect, FD_TABARI);
    CHECK_INT(fd.nnouns, 2);
    CHECK_STR(ph(&fd.nouns[1]), "POLITICAL_^ SCIENTISTS");
    CHECK_INT(fd.nadjectives, 1);
    CHECK_INT(fd.nactors, 7);
    CHECK_STR(ph(&fd.actors[0].names[0]), "AL_^ GORE");
    CHECK_STR(ph(&fd.actors[1].names[0]), "AL GORE");
    CHECK_STR(ph(&fd.actors[2].names[0]), "ARGENTIN"); /* a stem */
    CHECK_STR(ph(&fd.actors[3].names[0]), "MOUSE=");
    const fd_actor *ent = &fd.actors[4];
    CHECK(ent->flags & FA_DISCARD);
    CHECK(ent->codes[0].flags & FC_DISCARD);
    CHECK_INT(ent->codes[0].d1, 19890101);
    CHECK_STR(ent->codes[1].code, "ENT");
    CHECK_STR(fd.actors[5].codes[0].code, "USAELI");
    CHECK(has("note: stray '\"' ignored"));
    const fd_actor *g = &fd.actors[6];
    CHECK_INT(g->nnames, 2);
    CHECK_INT(g->ncodes, 2);
    CHECK_INT(g->codes[1].d2, 19990815);
    CHECK(has("demo.actors:19: malformed: bad code '[950601-990815]'"));
    CHECK(has("demo.actors:20: malformed: bad code '[AAA950601-990815]': a date joined"));
    CHECK_INT(fd.counts.lines, 22);
    CHECK_INT(fd.counts.other_skipped, 1);
    CHECK_INT(fd.counts.discard_codes, 1);
    dyad_fdict_free(&fd);
}

static void test_encoding(void) {
    /* Latin-1 byte, NUL, ^Z, CRLF, a lone CR, a BOM, U+FFFD */
    static const char text[] = "\xEF\xBB\xBF"
                               "ZEROUAL_\x1A\r\n"
                               "+CAF\xC9_\r\n"
                               "\t[DZA]\n"
                               "TIRUCHIR\0PPALLI_ [IND]\r"
                               "COTE_D\xEF\xBF\xBDIVOIRE_ [CIV]\n";
    dyad_fdict fd;
    warnings[0] = '\0';
    nmal = nnote = 0;
    char err[128];
    CHECK_INT(dyad_fdict_load_mem(&fd, "enc.txt", text, sizeof text - 1, FD_ACTORS,
                                  FD_PETRARCH, on_warn, NULL, err, sizeof err),
              0);
    CHECK_INT(fd.counts.lines, 5);
    CHECK_INT(fd.nactors, 3);
    CHECK_STR(fd.actors[0].names[0].w[0].text, "ZEROUAL");
    CHECK_STR(fd.actors[0].names[1].w[0].text, "CAF\xC3\x89");
    CHECK_STR(fd.actors[1].names[0].w[0].text, "TIRUCHIRPPALLI");
    CHECK(has("enc.txt:1: note: 1 control character (NUL, ^Z ...) dropped"));
    CHECK(has("enc.txt:2: note: 1 byte that is not UTF-8 read as Latin-1"));
    CHECK(has("enc.txt:4: note: 1 control character"));
    CHECK(has("enc.txt:5: note: holds U+FFFD"));
    CHECK_INT(fd.counts.repaired_lines, 3);
    CHECK_INT(fd.counts.malformed, 0);
    CHECK_INT(dyad_utf8_validate(warnings, strlen(warnings)), -1);
    dyad_fdict_free(&fd);
}

/* ---------------------------------------------------------------- agents */

static void test_agents(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "agents.txt",
                   "!PERSON! = MAN, MEN, WOMAN\n"
                   "!MINIST! = MINISTER, MINISTRY\n"
                   "CONGRESS!PERSON!  [~LEG]  # glued\n"
                   "FOREIGN_!MINIST! [~GOV]\n"
                   "AMBASSADOR_TO {} [~GOV]\n"
                   "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
                   "PEACEKEEPING_TROOPS {} [IGO~]\n"
                   "POLICE [ ~COP]\n"
                   "NO_CODE_HERE\n"
                   "UNKNOWN_!NOPE! [~GOV]\n"
                   "ODD [GOV]\n",
                   FD_AGENTS, FD_AUTO),
              0);
    CHECK_INT(fd.nsubsts, 2);
    CHECK_INT(fd.substs[0].nitems, 3);
    CHECK_STR(fd.substs[0].items[2], "WOMAN");
    CHECK_INT(fd.nagents, 3 + 2 + 1 + 1 + 1 + 1 + 1);
    CHECK_STR(ph(&fd.agents[0].phrase), "CONGRESSMAN");
    CHECK_STR(fd.agents[0].subst, "PERSON");
    CHECK_STR(fd.agents[2].code, "LEG");
    CHECK_INT(fd.agents[2].affix, FD_AGENT_SUFFIX);
    CHECK_STR(ph(&fd.agents[4].phrase), "FOREIGN_^ MINISTRY");
    const fd_agent *a = &fd.agents[5];
    CHECK_STR(ph(&a->phrase), "AMBASSADOR_^ TO");
    CHECK_INT(a->plural_kind, FD_PLURAL_NONE);
    a = &fd.agents[6];
    CHECK_INT(a->plural_kind, FD_PLURAL_LIST);
    CHECK_INT(a->nplurals, 1);
    CHECK_STR(ph(&a->plurals[0]), "ATTORNEYS_^ GENERAL");
    CHECK_STR(a->code, "GOVATG");
    a = &fd.agents[7];
    CHECK_INT(a->affix, FD_AGENT_PREFIX);
    CHECK_STR(a->code, "IGO");
    CHECK_STR(a->raw_code, "IGO~");
    CHECK_STR(fd.agents[8].code, "COP");
    CHECK_INT(fd.agents[9].affix, FD_AGENT_PLAIN);
    CHECK(has("agents.txt:9: malformed: no code in 'NO_CODE_HERE'"));
    CHECK(has("agents.txt:10: malformed: undefined substitution set '!NOPE!'"));
    CHECK(has("agents.txt:11: note: agent code 'GOV' has no '~'"));
    CHECK_INT(fd.counts.malformed, 2);
    dyad_fdict_free(&fd);
}

/* ---------------------------------------------------------------- verbs */

static void test_verbs_petrarch(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "verbs.txt",
                   "####### SYNONYM SETS #######\n"
                   "&AUXVERB1_\n"
                   "+WAS\n"
                   "+IS_TO\n"
                   "&FIGHT_OF_WORDS\n"
                   "# a comment between members\n"
                   "+ARGUMENT\n"
                   "+&TIE\n"
                   "&TIE\n"
                   "+MILITARY\n"
                   "+CASH_\n"
                   "+GOLDEN_GOBLIN GALLEONS\n"
                   "####### VERB PATTERNS #######\n"
                   "---  RUSH   [---]  ---\n"
                   "RUSH\n"
                   "HURRY {HURRIES HURRYING HURRIED }\n"
                   "+CORDON_OFF {+CORDONS_OFF} [192]\n"
                   "WIRE_+TAP\n"
                   "+ANGERED_BY {}\n"
                   "TWO_WORDS\n"
                   "- * AID                 [070]  # RUSH\n"
                   "- * {ARMS SHIPMENT}     [072]\n"
                   "- * POLICE (TO BORDER)  [153]\n"
                   "- &AUXVERB1 * OFF (FROM ^) [042:043]\n"
                   "- * (BEFORE COURT) [:173]\n"
                   "- IN_*_OUT $ + % [---]\n"
                   "- * &FIGHT_OF_WORDS &TIE_TIES &NOPE [111]\n"
                   "- * &FIGHT_CRIM [112]\n"
                   "- NO STAR [010]\n"
                   "- * TWO * STARS [010]\n"
                   "- * (UNCLOSED [010]\n"
                   "- * NO CODE\n"
                   "---  ASK   [020]  ---\n"
                   "ASK [090]\n"
                   "- * (FOR {&TIE HELP}) [021]\n"
                   "~ a (a b ATTACK) SAY = a b 015\n",
                   FD_VERBS, FD_AUTO),
              0);
    CHECK_INT(fd.dialect, FD_PETRARCH);
    CHECK_INT(fd.nsynsets, 3);
    CHECK_STR(fd.synsets[0].name, "AUXVERB1");
    CHECK_INT(fd.synsets[0].noplural, 1);
    CHECK_INT(fd.synsets[0].nmembers, 2);
    CHECK_STR(seq(&fd.synsets[0].members[1]), "W:IS^ W:TO");
    CHECK_STR(fd.synsets[1].name, "FIGHT_OF_WORDS");
    CHECK_STR(seq(&fd.synsets[1].members[1]), "&:TIE"); /* defined later: found */
    CHECK_INT(fd.synsets[2].nmembers, 3);
    CHECK_STR(seq(&fd.synsets[2].members[2]), "W:GOLDEN^ W:GOBLIN W:GALLEONS");
    CHECK(fd.synsets[2].members[1].t[0].flags & FW_US);
    CHECK_INT(fd.nblocks, 2);
    const fd_block *b = &fd.blocks[0];
    CHECK_STR(b->name, "RUSH");
    CHECK_STR(b->code, "---");
    CHECK(b->cflags & FC_NULL);
    CHECK_INT(b->nverbs, 5);
    const fd_verb *v = &fd.verbs[1];
    CHECK_STR(ph(&v->words), "HURRY*");
    CHECK_INT(v->nforms, 3);
    CHECK_STR(ph(&v->forms[2]), "HURRIED");
    v = &fd.verbs[2];
    CHECK_STR(ph(&v->words), "CORDON*_^ OFF");
    CHECK_INT(v->verb_index, 0);
    CHECK_STR(v->code, "192");
    CHECK_STR(ph(&v->forms[0]), "CORDONS*_^ OFF");
    v = &fd.verbs[3];
    CHECK_STR(ph(&v->words), "WIRE_^ TAP*");
    CHECK_INT(v->verb_index, 1);
    v = &fd.verbs[4];
    CHECK_INT(v->has_forms, 1);
    CHECK_INT(v->nforms, 0);
    CHECK(has("verbs.txt:20: malformed: multi-word verb 'TWO_WORDS' without '+'"));
    CHECK_INT(b->npatterns, 8);
    const fd_pattern *p = &fd.patterns[b->first_pattern];
    CHECK_STR(pat(p), " * W:AID");
    CHECK_STR(p->code, "070");
    CHECK(p->code2 == NULL);
    CHECK_INT(p->line, 21);
    CHECK_STR(pat(p + 1), " * NP(W:ARMS W:SHIPMENT)");
    CHECK_STR(pat(p + 2), " * W:POLICE PP(W:TO W:BORDER)");
    CHECK_STR(pat(p + 3), "&:AUXVERB1 * W:OFF PP(W:FROM ^)");
    CHECK_STR(p[3].code2, "043");
    CHECK_STR(p[4].code, "");
    CHECK_STR(p[4].code2, "173");
    CHECK_STR(pat(p + 5), "W:IN^ * W:OUT $ + %");
    CHECK(p[5].verb_flags & FW_CONNECT);
    CHECK(p[5].cflags & FC_NULL);
    CHECK_STR(pat(p + 6), " * &:FIGHT_OF_WORDS &:TIE^ W:TIES &:NOPE?");
    CHECK(has("verbs.txt:27: note: undefined synset '&NOPE'"));
    CHECK(has("verbs.txt:29: malformed: pattern 'NO STAR [010]' has no '*'"));
    CHECK(has("verbs.txt:30: malformed: pattern '* TWO * STARS [010]' has more than one"));
    CHECK(has("verbs.txt:31: malformed: pattern '* (UNCLOSED [010]': missing ')'"));
    CHECK(has("verbs.txt:32: malformed: pattern '* NO CODE' does not end with [CODE]"));
    CHECK_STR(fd.patterns[b->first_pattern + 7].raw, "* &FIGHT_CRIM [112]");
    CHECK_STR(pat(p + 7), " * &:FIGHT?^ W:CRIM");
    b = &fd.blocks[1];
    CHECK_STR(fd.verbs[b->first_verb].code, "090");
    CHECK_STR(pat(&fd.patterns[b->first_pattern]), " * PP(W:FOR NP(&:TIE W:HELP))");
    CHECK_INT(fd.ntransforms, 1);
    CHECK_INT(fd.transform_lines[0], 36);
    CHECK_INT(fd.counts.patterns, 9);
    CHECK_INT(fd.counts.malformed, 5);
    dyad_fdict_free(&fd);
}

static void test_verbs_tabari(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "demo.verbs",
                   "<SYNSETS>\n"
                   "&CURRENCY\n"
                   "+DOLLAR\n"
                   "+SWISS_FRANC\n"
                   "&PHRASE\n"
                   "+MEMOS_ON_&CURRENCY\n"
                   "</SYNSETS>\n"
                   "<TIME>\n"
                   "LAST_WEEK [-7]\n"
                   "- * AND TOMORROW [+3]\n"
                   "</TIME>\n"
                   "ABANDON  [345] ;pas 15 Jul 2003\n"
                   "- * NEW_&CURRENCY_RELATIONS [903]; -PAS\n"
                   "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]\n"
                   "- IN_*  [075]\n"
                   "- * THE_NEAT~_PLACE  [027]\n"
                   "- *_AND_KILLED BY_ $  [1823]\n"
                   "- * { FUEL WAR | BACKFIRE }  [012]\n"
                   "- + IN_ ^ DRAWING * IN_ $ [112]\n"
                   "ACT_ [100]\n"
                   "{ ACTING_ ACTED_ }\n"
                   "- * KENTUCKY DERBY  [###]\n"
                   "BAN= [191]\n"
                   "APPRECIATE POSITION  [042:043]\n"
                   "NOCODE\n"
                   "- * ORPHAN [010]\n"
                   "XYZ [000]\n"
                   "- { WILL | WOULD ] * X [130]\n",
                   FD_VERBS, FD_AUTO),
              0);
    CHECK_INT(fd.dialect, FD_TABARI);
    CHECK_INT(fd.nsynsets, 2);
    CHECK_STR(seq(&fd.synsets[1].members[0]), "W:MEMOS^ W:ON^ &:CURRENCY");
    CHECK_INT(fd.counts.time_skipped, 2);
    CHECK_INT(fd.nblocks, 5);
    const fd_block *b = &fd.blocks[0];
    CHECK_STR(b->name, "ABANDON");
    CHECK_STR(b->code, "345");
    CHECK_INT(b->npatterns, 7);
    const fd_pattern *p = &fd.patterns[b->first_pattern];
    CHECK_STR(pat(p), " * W:NEW^ &:CURRENCY^ W:RELATIONS");
    CHECK_STR(pat(p + 1),
              "W:SUGGESTED^ + * W:DEMAND^ ALT^(W:GENEVA|W:INTERNATIONAL) W:CONVENTIONS");
    CHECK(p[1].post.t[1].alts[0].t[0].flags & FW_US);
    CHECK_STR(pat(p + 2), "W:IN^ * ");
    CHECK_STR(pat(p + 3), " * W:THE^ W:NEAT^ W:PLACE");
    CHECK(p[3].post.t[1].flags & FW_TILDE);
    CHECK(!(p[3].post.t[1].flags & FW_US));
    CHECK_STR(pat(p + 4), " * W:AND^ W:KILLED W:BY $");
    CHECK(p[4].verb_flags & FW_CONNECT);
    CHECK_STR(pat(p + 5), " * ALT(W:FUEL W:WAR|W:BACKFIRE)");
    CHECK_STR(pat(p + 6), "+ W:IN ^ W:DRAWING * W:IN $");
    b = &fd.blocks[1];
    const fd_verb *v = &fd.verbs[b->first_verb];
    CHECK_STR(ph(&v->words), "ACT*_");
    CHECK_INT(v->nforms, 2);
    CHECK_STR(ph(&v->forms[1]), "ACTED_");
    CHECK(fd.patterns[b->first_pattern].cflags & FC_DISCARD);
    CHECK_STR(ph(&fd.verbs[fd.blocks[2].first_verb].words), "BAN*=");
    v = &fd.verbs[fd.blocks[3].first_verb];
    CHECK_STR(ph(&v->words), "APPRECIATE* POSITION");
    CHECK_STR(v->code2, "043");
    CHECK(has("demo.verbs:25: malformed: verb line 'NOCODE' has no [CODE]"));
    CHECK(has("demo.verbs:26: malformed: pattern '- * ORPHAN [010]' before any verb"));
    CHECK(has("demo.verbs:28: malformed: pattern '{ WILL | WOULD ] * X [130]': missing '}'"));
    CHECK_INT(fd.counts.discard_codes, 1);
    CHECK_INT(fd.counts.malformed, 3);
    dyad_fdict_free(&fd);
}

/* ---------------------------------------------------------------- others */

static void test_discards_issues(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "discards.txt",
                   "# Story-level discards are indicated with a '+'.\n"
                   "1939\n"
                   "AFRICAN NATIONS CUP   # ab 13 Jun 2005 ;AB\n"
                   "+TYPHOON\n"
                   "+ World Golf Championships   # pas\n"
                   "GROUP A_\n"
                   "+\n",
                   FD_DISCARDS, FD_AUTO),
              0);
    CHECK_INT(fd.ndiscards, 5);
    CHECK_STR(ph(&fd.discards[1].phrase), "AFRICAN NATIONS CUP");
    CHECK_INT(fd.discards[1].story, 0);
    CHECK_INT(fd.discards[2].story, 1);
    CHECK_STR(ph(&fd.discards[3].phrase), "World Golf Championships");
    CHECK_STR(ph(&fd.discards[4].phrase), "GROUP A_");
    CHECK(has("discards.txt:7: malformed: no phrase after '+'"));
    dyad_fdict_free(&fd);

    CHECK_INT(load(&fd, "issues.txt",
                   "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
                   "n:preschool [EARLY_EDUCATION]\n"
                   "pre+n:school [EARLY_EDUCATION]\n"
                   "faculty n:member[TEACHERS]\n"
                   "v:privatize [PRIVATE]\n"
                   "~a head start\n"
                   "~~gutter oil\n"
                   "european central bank\n"
                   "</ISSUE>\n"
                   "outside [X]\n",
                   FD_ISSUES, FD_AUTO),
              0);
    CHECK_INT(fd.nissue_cats, 1);
    CHECK_STR(fd.issue_cats[0].name, "EDUCATION");
    CHECK_STR(fd.issue_cats[0].type, "ALL");
    CHECK_INT(fd.nissues, 7);
    const fd_issue *is = fd.issues;
    CHECK(is[0].phrase.w[0].flags & FW_NOUN);
    CHECK_STR(is[0].phrase.w[0].text, "preschool");
    CHECK(is[1].phrase.w[0].flags & FW_PLUS);
    CHECK(is[1].phrase.w[1].flags & FW_NOUN);
    CHECK_STR(is[1].phrase.w[1].text, "school");
    CHECK_STR(is[2].code, "TEACHERS");
    CHECK(is[3].phrase.w[0].flags & FW_VFORMS);
    CHECK_INT(is[4].exclude, 1);
    CHECK(is[4].code == NULL);
    CHECK_INT(is[5].exclude, 2);
    CHECK_STR(ph(&is[5].phrase), "gutter oil");
    CHECK_INT(is[5].category, 0);
    CHECK_INT(is[6].category, -1);
    CHECK(has("issues.txt:8: malformed: no [CODE] in 'european central bank'"));
    dyad_fdict_free(&fd);
}

static void test_dialect(void) {
    dyad_fdict fd;
    /* `#` comments after content: PETRARCH2, whatever the name */
    CHECK_INT(load(&fd, "x.actors", "A [B] # c\nC [D] # e\n", FD_ACTORS, FD_AUTO), 0);
    CHECK_INT(fd.dialect, FD_PETRARCH);
    dyad_fdict_free(&fd);
    /* `;` comments: TABARI, and `#` inside [###] is no comment */
    CHECK_INT(load(&fd, "x.txt", "A [###] ;c\nB [C] ; d\n", FD_ACTORS, FD_AUTO), 0);
    CHECK_INT(fd.dialect, FD_TABARI);
    CHECK(fd.actors[0].flags & FA_DISCARD);
    dyad_fdict_free(&fd);
    /* a tie: by the name */
    CHECK_INT(load(&fd, "x.txt", "A [B]\n", FD_ACTORS, FD_AUTO), 0);
    CHECK_INT(fd.dialect, FD_PETRARCH);
    dyad_fdict_free(&fd);
    CHECK_INT(load(&fd, "x.agents", "A [~B]\n", FD_AGENTS, FD_AUTO), 0);
    CHECK_INT(fd.dialect, FD_TABARI);
    dyad_fdict_free(&fd);
    /* PETRARCH2 `#` in a code is a comment when asked for */
    CHECK_INT(load(&fd, "x.txt", "A [###]\n", FD_ACTORS, FD_PETRARCH), 0);
    CHECK_INT(fd.nactors, 1);
    dyad_fdict_free(&fd);
    /* bad arguments and files */
    char err[128];
    CHECK_INT(dyad_fdict_load_mem(&fd, "x", "", 0, 99, FD_AUTO, NULL, NULL, err, sizeof err), -1);
    dyad_fdict_free(&fd);
    CHECK_INT(dyad_fdict_load(&fd, "/nonexistent/x.txt", FD_ACTORS, FD_AUTO, NULL, NULL, err,
                              sizeof err),
              -1);
    CHECK(strstr(err, "/nonexistent/x.txt") != NULL);
    dyad_fdict_free(&fd);
    CHECK_INT(dyad_fdict_kind_from_name("agents"), FD_AGENTS);
    CHECK_INT(dyad_fdict_kind_from_name("nope"), 0);
    /* empty input and a file of one huge line */
    CHECK_INT(load(&fd, "e.txt", "", FD_VERBS, FD_AUTO), 0);
    CHECK_INT(fd.counts.lines, 0);
    dyad_fdict_free(&fd);
    size_t big = 300000;
    char *s = malloc(big + 16);
    if (s) {
        memset(s, 'A', big);
        memcpy(s + big, " [XYZ]\n", 8);
        /* over the default cap of 65,536 bytes: a malformed entry, skipped */
        CHECK_INT(load(&fd, "big.txt", s, FD_ACTORS, FD_AUTO), 0);
        CHECK_INT(fd.nactors, 0);
        CHECK_INT(fd.counts.malformed, 1);
        dyad_fdict_free(&fd);
        /* without a cap it loads */
        char path[] = "/tmp/dyad-test-fdict-XXXXXX";
        int fdn = mkstemp(path);
        FILE *f = fdn >= 0 ? fdopen(fdn, "w") : NULL;
        CHECK(f != NULL);
        if (f) {
            fputs(s, f);
            fclose(f);
            CHECK_INT(dyad_fdict_load_capped(&fd, path, FD_ACTORS, FD_AUTO, 0, NULL, NULL, err,
                                             sizeof err),
                      0);
            CHECK_INT(fd.nactors, 1);
            if (fd.nactors == 1) CHECK_INT(strlen(fd.actors[0].names[0].w[0].text), big);
            dyad_fdict_free(&fd);
            unlink(path);
        }
        free(s);
    }
}

static void test_config(void) {
    char dir[128], sub[160], path[192], dict[224];
    snprintf(dir, sizeof dir, "/tmp/dyad_test_fdict_%d", (int)getpid());
    snprintf(sub, sizeof sub, "%s/dictionaries", dir);
    snprintf(path, sizeof path, "%s/PETR_config.ini", dir);
    snprintf(dict, sizeof dict, "%s/Verbs.txt", sub);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    FILE *f = fopen(dict, "w");
    if (f) fclose(f);
    f = fopen(path, "w");
    if (!f) SKIP("cannot write in /tmp");
    fputs("# comment\n[Dictionaries]\nverbfile_name    = Verbs.txt\n"
          "actorfile_list   = A.txt, B.txt ,C.txt\n"
          "AgentFile_Name = Agents.txt\n"
          "#discardfile_name = Old.txt\n"
          "[Options]\nrequire_dyad = True\nnew_actor_length = 0\nstop_on_error = False\n"
          "bad line\n",
          f);
    fclose(f);
    dyad_fdict_config cfg;
    char err[256];
    warnings[0] = '\0';
    CHECK_INT(dyad_fdict_config_load(&cfg, path, on_warn, NULL, err, sizeof err), 0);
    CHECK_STR(cfg.verbfile, dict); /* found in dictionaries/ */
    char a[256];
    snprintf(a, sizeof a, "%s/B.txt", dir);
    CHECK_INT(cfg.nactorfiles, 3);
    if (cfg.nactorfiles == 3) CHECK_STR(cfg.actorfiles[1], a);
    snprintf(a, sizeof a, "%s/Agents.txt", dir);
    CHECK_STR(cfg.agentfile, a);
    CHECK(cfg.discardfile == NULL);
    CHECK_INT(cfg.require_dyad, 1);
    CHECK_INT(cfg.new_actor_length, 0);
    CHECK_STR(dyad_fdict_config_get(&cfg, "Options", "STOP_ON_ERROR"), "False");
    CHECK(has("PETR_config.ini:11: malformed: line without '='"));
    dyad_fdict_config_free(&cfg);
    unlink(path);
    unlink(dict);
    rmdir(sub);
    rmdir(dir);
    CHECK_INT(dyad_fdict_config_load(&cfg, "/nonexistent.ini", NULL, NULL, err, sizeof err), -1);
    dyad_fdict_config_free(&cfg);
}

/* ---------------------------------------------------------------- writer */

/* Inputs that once broke the reader (fuzz/corpus/fdict/regress-*). */
static void test_regressions(void) {
    dyad_fdict fd;
    /* a set whose item names the set itself is pasted once, not expanded again */
    CHECK_INT(load(&fd, "loop.txt", "!A! = !A!, X\nLOOP!A! [~GOV]\n", FD_AGENTS, FD_PETRARCH),
              0);
    CHECK_INT(fd.nagents, 2);
    CHECK_STR(ph(&fd.agents[0].phrase), "LOOP!A!");
    CHECK_STR(ph(&fd.agents[1].phrase), "LOOPX");
    dyad_fdict_free(&fd);
    /* an &NAME line inside <NOUN> is a noun, and a token naming it stays in range */
    CHECK_INT(load(&fd, "n.verbs", "<NOUN>\n&SET\n</NOUN>\nGO [010]\n- * &SET [011]\n",
                   FD_VERBS, FD_TABARI),
              0);
    CHECK_INT(fd.nnouns, 1);
    CHECK_INT(fd.npatterns, 1);
    if (fd.npatterns == 1) CHECK_INT(fd.patterns[0].post.t[0].synset, -1);
    dyad_fdict_free(&fd);
}

static void test_write_actors(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "w.txt",
                   "NEW_ZEALAND_ [NZL]\n"
                   "+U.S._EMBASSY_IN_NEW ZEALAND\n"
                   "AL-QAEDA_OF_THE_NORTH [IMGMOSALQ]\n"
                   "HAMID_O'BRIEN_\n"
                   "\t[AFGELI 750101-011222]\n"
                   "\t[AFGGOV >011222]\n"
                   "\t[AFGELI]\n"
                   "SAM_GAMGEE [HOB]\n"
                   "\t[HOBGOV >990101]\n"
                   "OBAMA_ [USAGOV >090120] [---]\n"
                   "UNITED_NATIONS [IGOUNO]\n"
                   "ODD_ONE [A/B]\n",
                   FD_ACTORS, FD_PETRARCH),
              0);
    fd_write_counts wc;
    char *out = convert(&fd, 0, &wc);
    CHECK(out != NULL);
    if (!out) return;
    CHECK(strstr(out, "[country]\nNZL = New Zealand | U.S. Embassy in New Zealand\n") != NULL);
    CHECK(strstr(out, "[group]\nIMGMOSALQ = al-Qaeda of the North\n") != NULL);
    CHECK(strstr(out, "[person]\nAFGELI = Hamid O'Brien  {from 1975-01-01; to 2001-12-21}\n"
                      "AFGGOV = Hamid O'Brien  {from 2001-12-22}\n"
                      "AFGELI = Hamid O'Brien  {to 1974-12-31}\n") != NULL);
    CHECK(strstr(out, "HOB = Sam Gamgee\n") != NULL);
    CHECK(strstr(out, "# not converted (shadowed by earlier codes): SAM_ GAMGEE [HOBGOV >19990101]") ==
          NULL);
    CHECK(strstr(out, "# not converted (shadowed by earlier codes): SAM GAMGEE [HOBGOV >19990101]\n") !=
          NULL || strstr(out, "(shadowed by earlier codes): SAM_GAMGEE") != NULL);
    CHECK(strstr(out, "USAGOV = Obama  {from 2009-01-20}\n") != NULL);
    CHECK(strstr(out, "# not converted (null code): OBAMA_ [---]\n") != NULL);
    CHECK(strstr(out, "[igo]\nIGOUNO = United Nations\n") != NULL);
    CHECK(strstr(out, "# not converted (code dyad does not know): ODD_ONE [A/B]\n") != NULL);
    CHECK_INT(wc.reason[FD_NC_SHADOWED], 1);
    CHECK_INT(wc.reason[FD_NC_NULL], 1);
    CHECK_INT(wc.reason[FD_NC_BADCODE], 1);
    CHECK_INT(wc.converted, 6);
    CHECK_INT(wc.not_converted, 3);
    free(out);
    dyad_fdict_free(&fd);
}

static void test_write_agents(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "ag.txt",
                   "!P! = MAN, MEN\n"
                   "CONGRESS!P! [~LEG]\n"
                   "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
                   "FOREIGN_MINISTRY [~GOVFRM]\n"
                   "AID_AGENCY [NGO~]\n",
                   FD_AGENTS, FD_PETRARCH),
              0);
    fd_write_counts wc;
    char *out = convert(&fd, 0, &wc);
    CHECK(out != NULL);
    if (!out) return;
    CHECK(strstr(out, "[role]\nLEG = congressman\nLEG = congressmen\n"
                      "GOV = attorney general | attorneys general\n") != NULL);
    CHECK(strstr(out, "# not converted (role code): FOREIGN_MINISTRY [~GOVFRM]\n") != NULL);
    CHECK(strstr(out, "# not converted (prefix agent): AID_AGENCY [NGO~]\n") != NULL);
    CHECK_INT(wc.converted, 3);
    CHECK_INT(wc.not_converted, 2);
    free(out);
    dyad_fdict_free(&fd);
}

static void test_write_verbs(void) {
    dyad_fdict fd;
    CHECK_INT(load(&fd, "wv.txt",
                   "&ARMS\n+WEAPON\n+GUN\n+F/A-18\n"
                   "&PLACE\n+CITY\n+BORDER_TOWN\n+VILLAGE\n"
                   "--- SEND [---] ---\n"
                   "SEND\nDISPATCH [070]\n+SHIP_OFF\nWIRE_+TAP\n"
                   "- * &ARMS (TO +) [071]\n"
                   "- * TROOPS (TO &PLACE) [154]\n"
                   "- $ * AID [073]\n"
                   "- SAID * AID [072]\n"
                   "- * (TO) [042:043]\n"
                   "- * ^ (IN $) [070]\n"
                   "- * FOOD [999]\n"
                   "- * NOT AID [070]\n",
                   FD_VERBS, FD_PETRARCH),
              0);
    fd_write_counts wc;
    char *out = convert(&fd, 2, &wc);
    CHECK(out != NULL);
    if (!out) return;
    CHECK(strstr(out, "[verb]\n# not converted (null code): SEND\n070 = dispatch\n") != NULL);
    CHECK(strstr(out, "# not converted (pre-verb words): WIRE_+TAP\n") != NULL);
    CHECK(strstr(out, "071 = send/dispatch weapon/gun to TGT\n071 = ship off weapon/gun to TGT\n") !=
          NULL);
    /* a synset with a member of two words: one pattern per member, capped at 2 */
    CHECK(strstr(out, "154 = send/dispatch troops to city\n154 = send/dispatch troops to border town\n"
                      "154 = ship off troops to city\n") != NULL);
    CHECK(strstr(out, "to village") == NULL);
    CHECK(strstr(out, "073 = send/dispatch aid\n") != NULL);
    CHECK(strstr(out, "# not converted (pre-verb words): - SAID * AID [072]\n") != NULL);
    CHECK(strstr(out, "# not converted (paired code): - * (TO) [042:043]\n") != NULL);
    CHECK(strstr(out, "# not converted (skip ^ or @): - * ^ (IN $) [070]\n") != NULL);
    CHECK(strstr(out, "# not converted (code dyad does not know): - * FOOD [999]\n") != NULL);
    CHECK(strstr(out, "# not converted (reserved character or word): - * NOT AID [070]\n") != NULL);
    CHECK_INT(wc.capped, 1);
    CHECK_INT(wc.dropped, 1);
    CHECK_INT(wc.reason[FD_NC_PREVERB], 2);
    CHECK_INT(wc.converted, 1 + 3);
    free(out);
    dyad_fdict_free(&fd);

    /* discards have no dyad counterpart */
    CHECK_INT(load(&fd, "d.txt", "A\nB\n", FD_DISCARDS, FD_AUTO), 0);
    out = convert(&fd, 0, &wc);
    CHECK(out && strstr(out, "no dyad counterpart: 2 entries") != NULL);
    CHECK_INT(wc.reason[FD_NC_KIND], 2);
    free(out);
    dyad_fdict_free(&fd);
}

/* ---------------------------------------------------------------- shared */

static const char *shared_dir(void) {
    const char *s = getenv("DYAD_SHARED");
    return s && *s ? s : "../shared";
}

static void quiet(void *ctx, const char *file, long line, int sev, const char *msg) {
    (void)file;
    (void)sev;
    /* every report has a line and a message that is valid UTF-8 */
    if (line <= 0 || !msg[0] || dyad_utf8_validate(msg, strlen(msg)) != -1) (*(int *)ctx)++;
}

static void test_shared(void) {
    static const struct {
        const char *dir, *file;
        int kind;
        size_t min_entries, min_patterns;
        int dialect;
    } files[] = {
        {"petrarch/dictionaries", "CAMEO.2.0.txt", FD_VERBS, 1500, 4500, FD_PETRARCH},
        {"petrarch/dictionaries", "PETR.Validate.verbs.txt", FD_VERBS, 200, 400, FD_PETRARCH},
        {"petrarch/dictionaries", "PETR.Validate.actors.txt", FD_ACTORS, 100, 0, FD_PETRARCH},
        {"petrarch/dictionaries", "PETR.Validate.agents.txt", FD_AGENTS, 80, 0, FD_PETRARCH},
        {"petrarch/dictionaries", "PETR.Validate.discards.txt", FD_DISCARDS, 5, 0, FD_PETRARCH},
        {"petrarch/dictionaries", "Phoenix.Countries.actors.txt", FD_ACTORS, 15000, 0,
         FD_PETRARCH},
        {"petrarch/dictionaries", "Phoenix.International.actors.txt", FD_ACTORS, 7000, 0,
         FD_PETRARCH},
        {"petrarch/dictionaries", "Phoenix.MilNonState.actors.txt", FD_ACTORS, 1000, 0,
         FD_PETRARCH},
        {"petrarch/dictionaries", "Phoenix.agents.txt", FD_AGENTS, 3000, 0, FD_PETRARCH},
        {"petrarch/dictionaries", "Phoenix.discards.txt", FD_DISCARDS, 500, 0, FD_PETRARCH},
        {"petrarch/dictionaries", "Phoenix.IssueCoding.txt", FD_ISSUES, 3000, 0, FD_PETRARCH},
        {"tabari", "CAMEO.091003.master.verbs", FD_VERBS, 1200, 15000, FD_TABARI},
        {"tabari", "TABARI.Demo.verbs", FD_VERBS, 250, 400, FD_TABARI},
        {"tabari", "CountryInfo.120116.actors", FD_ACTORS, 19000, 0, FD_TABARI},
        {"tabari", "Internatnl.120521.actors", FD_ACTORS, 7000, 0, FD_TABARI},
        {"tabari", "TABARI.Demo.actors", FD_ACTORS, 100, 0, FD_TABARI},
        {"tabari", "PSU.120522.agents", FD_AGENTS, 2000, 0, FD_TABARI},
        {"tabari", "Validate.agents", FD_AGENTS, 80, 0, FD_TABARI},
    };
    char path[1024];
    snprintf(path, sizeof path, "%s/petrarch/dictionaries/CAMEO.2.0.txt", shared_dir());
    if (access(path, R_OK) != 0) SKIP("../shared/petrarch absent");
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s/%s", shared_dir(), files[i].dir, files[i].file);
        dyad_fdict fd;
        char err[256];
        int bad = 0;
        int rc = dyad_fdict_load(&fd, path, files[i].kind, FD_AUTO, quiet, &bad, err, sizeof err);
        CHECK_INT(rc, 0);
        CHECK_INT(bad, 0);
        CHECK_INT(fd.dialect, files[i].dialect);
        if (fd.counts.entries < files[i].min_entries || fd.counts.patterns < files[i].min_patterns)
            fprintf(stderr, "%s: %zu entries, %zu patterns\n", files[i].file, fd.counts.entries,
                    fd.counts.patterns);
        CHECK(fd.counts.entries >= files[i].min_entries);
        CHECK(fd.counts.patterns >= files[i].min_patterns);
        CHECK(fd.counts.malformed < fd.counts.entries / 20 + 20);
        FILE *f = fopen("/dev/null", "w");
        if (f) {
            fd_write_counts wc;
            CHECK_INT(dyad_fdict_write_dyad(&fd, f, NULL, &wc, err, sizeof err), 0);
            fclose(f);
        }
        dyad_fdict_free(&fd);
    }
    /* the config next to them */
    snprintf(path, sizeof path, "%s/petrarch/PETR_config.ini", shared_dir());
    dyad_fdict_config cfg;
    char err[256];
    if (dyad_fdict_config_load(&cfg, path, NULL, NULL, err, sizeof err) == 0) {
        CHECK(cfg.verbfile && strstr(cfg.verbfile, "/dictionaries/CAMEO.2.0.txt"));
        CHECK_INT(cfg.nactorfiles, 3);
        CHECK_INT(cfg.require_dyad, 1);
        CHECK_INT(cfg.new_actor_length, 0);
        CHECK(cfg.issuefile && access(cfg.issuefile, R_OK) == 0);
    } else {
        CHECK(!"PETR_config.ini loads");
    }
    dyad_fdict_config_free(&cfg);
}

int main(void) {
    RUN(test_actors_petrarch);
    RUN(test_actors_tabari);
    RUN(test_encoding);
    RUN(test_agents);
    RUN(test_verbs_petrarch);
    RUN(test_verbs_tabari);
    RUN(test_discards_issues);
    RUN(test_dialect);
    RUN(test_config);
    RUN(test_regressions);
    RUN(test_write_actors);
    RUN(test_write_agents);
    RUN(test_write_verbs);
    RUN(test_shared);
    DONE();
}
