package dev.paracite.formats;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;

/**
 * The numbers Word draws before list paragraphs, counted as Word counts them: per list (numId) and level,
 * from the level's start (or the list's start override), a level restarting when a shallower one advances.
 * Only top-level decimal items get a prefix ("N. "): that is the paragraph numbering the parser reads;
 * deeper levels and bullets keep their text alone.
 */
final class ListNumbers {

    private static final int LEVELS = 9;

    private final XWPFNumbering numbering;
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    ListNumbers(XWPFNumbering numbering) {
        this.numbering = numbering;
    }

    /** The prefix for a paragraph of list {@code numId} at {@code level}; empty when it is not numbered. */
    String prefix(BigInteger numId, BigInteger level, String format) {
        if (numId == null || numbering == null) {
            return "";
        }
        int ilvl = level == null ? 0 : Math.min(level.intValue(), LEVELS - 1);
        int[] count = counters.computeIfAbsent(numId, id -> new int[LEVELS]);
        count[ilvl] = count[ilvl] == 0 ? start(numId, ilvl) : count[ilvl] + 1;
        for (int deeper = ilvl + 1; deeper < LEVELS; deeper++) {
            count[deeper] = 0;
        }
        return ilvl == 0 && "decimal".equals(format) ? count[ilvl] + ". " : "";
    }

    private int start(BigInteger numId, int ilvl) {
        XWPFNum num = numbering.getNum(numId);
        if (num == null) {
            return 1;
        }
        for (CTNumLvl override : num.getCTNum().getLvlOverrideList()) {
            if (override.getIlvl().intValue() == ilvl && override.isSetStartOverride()) {
                return override.getStartOverride().getVal().intValue();
            }
        }
        XWPFAbstractNum abstractNum = numbering.getAbstractNum(numbering.getAbstractNumID(numId));
        if (abstractNum != null) {
            for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlList()) {
                if (lvl.getIlvl().intValue() == ilvl && lvl.isSetStart()) {
                    return lvl.getStart().getVal().intValue();
                }
            }
        }
        return 1;
    }
}
