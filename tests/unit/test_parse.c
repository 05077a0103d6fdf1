/* test_parse.c — the shallow parser (src/parse.c) seen through the
 * explanation: verb groups, their kind, subject, object, "by" phrase,
 * negation, passive, modality; and the actor mentions (src/mention.c). */
#include "harness.h"
#include "testmodel.h"

static dyad_model *model;

/* Does the explanation of text contain line (a whole line after "# ")? */
static int explains(const char *text, const char *line) {
    char *ex = tm_explain(model, text);
    char want[512];
    snprintf(want, sizeof want, "# %s\n", line);
    int ok = strstr(ex, want) != NULL;
    if (!ok) fprintf(stderr, "--- wanted: %s--- got:\n%s", want, ex);
    free(ex);
    return ok;
}

static void test_verb_groups(void) {
    /* comma insertion: the subject is before it; negation in the group */
    CHECK(explains("Syria, serving as a mediator, has not criticized Israel.",
                   "  verb group [2,3) head 'serving' participle subject [0,1)"));
    CHECK(explains("Syria, serving as a mediator, has not criticized Israel.",
                   "  verb group [7,10) head 'criticized' finite subject [0,1) object [10,11) negated"));
    /* passive with a by-phrase */
    CHECK(explains("Israel was attacked by Egypt on Monday.",
                   "  verb group [1,3) head 'attacked' finite subject [0,1) by [4,5) passive"));
    /* a sentence-initial participle borrows the main subject; reporting verb;
     * the reported clause's subject is its own */
    const char *s3 = "Speaking in Cairo, the Egyptian foreign minister said Israel would attack Syria.";
    CHECK(explains(s3, "  verb group [0,1) head 'Speaking' participle subject [4,8)"));
    CHECK(explains(s3, "  verb group [8,9) head 'said' finite subject [4,8) object [9,10) reporting"));
    CHECK(explains(s3, "  verb group [10,12) head 'attack' finite subject [9,10) object [12,13) hypothetical"));
    /* an "of" phrase after a number, part or leader stays in the subject
     * ("Hundreds of Serbs", "the head of the army"); after other nouns ("the
     * army of Jordan": the agent's country, found by the coder) and other
     * prepositional phrases it does not */
    CHECK(explains("The head of the army of Jordan praised Egypt.",
                   "  verb group [7,8) head 'praised' finite subject [0,5) object [8,9)"));
    CHECK(explains("Hundreds of soldiers praised Egypt.",
                   "  verb group [3,4) head 'praised' finite subject [0,3) object [4,5)"));
    CHECK(explains("The head in the army praised Egypt.",
                   "  verb group [5,6) head 'praised' finite subject [0,2) object [6,7)"));
    /* "has yet to" negates; a reduced relative is passive with its noun as target */
    const char *s5 = "Egypt has yet to respond to the offer approved by Jordan.";
    CHECK(explains(s5, "  verb group [1,5) head 'respond' finite subject [0,1) negated"));
    CHECK(explains(s5, "  verb group [8,9) head 'approved' reduced subject [6,8) by [10,11) passive"));
    /* coordinated subject; a relative clause takes its antecedent */
    const char *s6 = "Syria and Jordan, which met on Monday, criticized Egypt and Israel.";
    CHECK(explains(s6, "  verb group [5,6) head 'met' finite subject [0,3)"));
    CHECK(explains(s6, "  verb group [9,10) head 'criticized' finite subject [0,3) object [10,13)"));
    /* "will" is intent */
    CHECK(explains("Egypt will attack Israel.",
                   "  verb group [1,3) head 'attack' finite subject [0,1) object [3,4) intent"));
    /* a locative phrase is not joined to the subject ("in Cairo, Egypt") */
    CHECK(explains("Speaking in Cairo, Egypt praised Jordan.",
                   "  verb group [5,6) head 'praised' finite subject [4,5) object [6,7)"));
}

static void test_chunks(void) {
    CHECK(explains("Speaking in Cairo, the Egyptian foreign minister said that Israel is optimistic.",
                   "  chunks: [VG Speaking] [PP in Cairo] , [NP the Egyptian foreign minister] "
                   "[VG said] that [NP Israel] [VG is] [ADJP optimistic] ."));
}

static void test_mentions(void) {
    /* composition: demonym + agent noun; a capital as government */
    CHECK(explains("The Egyptian foreign minister praised Jordan.",
                   "  actor [1,4) 'Egyptian foreign minister' = EGYGOV"));
    CHECK(explains("Cairo praised Jordan.", "  actor [0,1) 'Cairo' = EGYGOV"));
    /* an agent noun alone has no code */
    CHECK(explains("The army praised Jordan.", "  actor [1,2) 'army' = (agent)MIL"));
    /* plural through the lemma; capitalised entries need capitalised tokens */
    CHECK(explains("Israeli troops praised Jordan.", "  actor [0,2) 'Israeli troops' = ISRMIL"));
    char *ex = tm_explain(model, "The egypt praised jordan.");
    CHECK(strstr(ex, "  actor [") == NULL);
    free(ex);
    /* a name after an actor extends it; the surname refers back later */
    CHECK(explains("Egyptian official Omar Testname praised Jordan. Testname criticized Israel.",
                   "  actor [0,4) 'Egyptian official Omar Testname' = EGYGOV"));
    CHECK(explains("Egyptian official Omar Testname praised Jordan. Testname criticized Israel.",
                   "  actor [0,1) 'Testname' = EGYGOV (reference)"));
    /* refer nouns need an earlier mention of the actor */
    CHECK(explains("The Alpha Front praised Jordan. The movement criticized Israel.",
                   "  actor [1,2) 'movement' = SYRREBABC (reference)"));
    ex = tm_explain(model, "The movement criticized Israel.");
    CHECK(strstr(ex, "(reference)") == NULL);
    free(ex);
    /* actors of different countries side by side stay apart */
    CHECK(explains("Syria Jordan praised Egypt.", "  actor [1,2) 'Jordan' = JOR"));
    CHECK(explains("Egyptian official Cairo praised Jordan.",
                   "  actor [0,3) 'Egyptian official Cairo' = EGYGOV"));
    /* acronyms match with or without periods, both ways */
    CHECK(explains("The U.A.R. praised Jordan.", "  actor [1,2) 'U.A.R.' = UAR"));
    CHECK(explains("The FTN praised Jordan.", "  actor [1,2) 'FTN' = XYZFTN"));
    /* media are marked */
    CHECK(explains("Syria told the Daily Nile nothing.", "  actor [3,5) 'Daily Nile' = EGYMED (media)"));
}

int main(void) {
    model = tm_load("[country]\n"
                    "EGY = Egypt | Egyptian\n"
                    "ISR = Israel | Israeli\n"
                    "SYR = Syria | Syrian\n"
                    "JOR = Jordan | Jordanian\n"
                    "EGYGOV = Cairo\n"
                    "UAR = UAR\n"
                    "[group]\n"
                    "SYRREBABC = Alpha Front {refer: movement}\n"
                    "XYZFTN = F.T.N.\n"
                    "[media]\n"
                    "EGYMED = Daily Nile\n",
                    "[role]\n"
                    "GOV = foreign minister | official\n"
                    "MIL = army | troop\n",
                    "[verb]\n"
                    "010 = say {speech}\n"
                    "051 = praise\n");
    if (!model) {
        h_fail++;
        DONE();
    }
    RUN(test_verb_groups);
    RUN(test_mentions);
    RUN(test_chunks);
    tm_cleanup(model);
    DONE();
}
