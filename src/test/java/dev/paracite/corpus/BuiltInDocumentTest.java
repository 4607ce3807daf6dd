package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in document: its damaged block is undone and every drop is reported. */
class BuiltInDocumentTest {

    private final Document document = DocumentLoader.builtIn();

    @Test
    void parses_24_numbered_paragraphs_and_the_preamble_in_order() {
        List<String> labels = document.paragraphs().stream().map(Paragraph::label).toList();
        List<String> expected = new java.util.ArrayList<>(List.of("preamble"));
        for (int i = 1; i <= 24; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, labels);
    }

    @Test
    void reads_heading_IY_as_IV_and_keeps_its_title() {
        assertEquals(List.of(
                "I. The objectives and main tasks of the Strategic Course of Russia with the States members of the Commonwealth of Independent States",
                "II. Economic cooperation",
                "III. National security",
                "IV. Humanitarian cooperation and human rights",
                "V. Coordination of activities to address international problems and interaction with the world community",
                "VI. Main tasks of bilateral relations",
                "VII. On the domestic mechanism for the implementation of this Strategic Framework for the CIS"),
                document.sections());
        assertEquals("IV. Humanitarian cooperation and human rights", paragraph("15").section());
        assertEquals("", paragraph("preamble").section());
    }

    @Test
    void paragraph_1_keeps_its_two_items() {
        assertEquals("""
                The priority of relations with the States members of the Commonwealth of Independent States (hereinafter referred to as the CIS countries) in the policy of the Russian Federation is determined primarily by the fact that:
                in the territory of the CIS our main vital interests are concentrated in the field of economy, defense, security, protection of the rights of Russians, the provision of which forms the basis of the national security of the country;
                effective cooperation with the CIS states is a factor that opposes centrifugal tendencies in Russia itself.""", paragraph("1").text());
    }

    @Test
    void paragraph_7_keeps_every_continuation_line() {
        assertEquals("""
                One of the most important ways of organizational strengthening of the CIS is the gradual expansion of the Customs Union, which includes states, Russia’s deeply integrated economy and strategic political partnership.
                To conduct business to gradual, in process of maturing of conditions, joining of other members of the Economic union to the Customs union.
                To achieve rapprochement of national economic systems by working out together with partners ways of improving common model acts within the framework of the Interparliamentary Assembly of Member Nations of the Commonwealth of Independent States.
                The model of multi-speed integration offered by Russia within the CIS framework is not mandatory. However, the attitude of our partners to this model will be an important factor determining the scale of economic, political and military support from Russia.
                In order to strengthen and expand the Customs Union, bilateral agreements should not give their participants equal (and even greater) advantages than those enjoyed by members of the union.""", paragraph("7").text());
        assertEquals("II. Economic cooperation", paragraph("7").section());
    }

    @Test
    void paragraph_14_is_whole_although_two_of_its_lines_recur_inside_19() {
        assertEquals("""
                To proceed from the fact that an important component of efforts to ensure stability in the territory of the CIS is peacekeeping, aimed at the settlement and prevention of conflicts in the CIS countries, the advantage of peaceful political and diplomatic means.
                To work to ensure that peacekeeping is the fruit of the collective efforts of the CIS states through their more active participation at all stages of the work to establish a mechanism for the prompt resolution of peacekeeping issues within the CIS. All work in this direction is to be carried out in cooperation with the UN and the OSCE, to seek real participation of these international organizations in the settlement of conflicts on the territory of the CIS.
                At the same time, in cooperation with third countries and international organizations, to reach from their side an understanding that this region is primarily a zone of Russia’s interests.
                To develop cooperation through security services, primarily with a view to preventing the use of CIS territories by special services of third countries in hostile purposes. To cooperate with the security services of the CIS states with strict observance of the legislation of the Russian Federation and respect for Russia’s international obligations in the field of human rights.""", paragraph("14").text());
    }

    @Test
    void paragraph_19_is_its_opening_sentence_and_three_items() {
        assertEquals("""
                Bilateral relations with CIS states are formed taking into account the specifics of each of these states and their readiness for various forms of in-depth integration. When carrying out Russian policy towards the CIS states, on the bilateral basis, proceed from the fact that Russia’s interests correspond to:
                assistance in stabilizing the political, economic and social situation in these countries;
                a deep phased involvement of them on a voluntary basis in integration processes, in the collective solution of issues of military security, border security, peacekeeping;
                preventing the confrontational nature of Russia’s relations with the CIS countries.""", paragraph("19").text());
    }

    @Test
    void reports_every_drop_and_flag_with_its_lines() {
        List<String> notes = document.notes().stream().map(IngestionNote::describe).toList();
        assertEquals(List.of(
                "flagged line 44: heading numeral IY read as IV (\"IV. Humanitarian cooperation and human rights\")",
                "dropped lines 60-61: repeats text of paragraph 14",
                "dropped line 62: repeats heading \"IV. Humanitarian cooperation and human rights\"",
                "dropped lines 63-65: paragraph 15 repeated with identical text",
                "dropped lines 66-70: paragraph 16 repeated with identical text",
                "dropped line 71: repeats heading \"V. Coordination of activities to address international problems and interaction with the world community\"",
                "dropped line 72: paragraph 17 repeated with identical text",
                "dropped lines 73-74: paragraph 18 repeated with identical text",
                "dropped line 75: repeats heading \"VI. Main tasks of bilateral relations\"",
                "dropped line 76: repeats the opening line of paragraph 19",
                "dropped line 77: repeats text of paragraph 19",
                "flagged lines 78-79: text after the repeated opening line of paragraph 19 continues it and is kept there"),
                notes);
    }

    @Test
    void keeps_every_source_line_once_apart_from_the_dropped_ones() {
        long kept = document.paragraphs().stream().mapToLong(p -> p.text().split("\n").length).sum();
        long headings = document.sections().size();
        long dropped = document.notes().stream().filter(n -> n.action() == IngestionNote.Action.DROPPED)
                .mapToLong(n -> n.lastLine() - n.firstLine() + 1).sum();
        assertEquals(93, kept + headings + dropped, "94 lines, the first one blank");
        assertTrue(dropped > 0);
    }

    private Paragraph paragraph(String label) {
        return document.paragraph(label).orElseThrow();
    }
}
