package dev.jobcode.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenWindowsTest {
  private static final long CLS = 101;
  private static final long SEP = 102;

  @Test
  void aShortTextIsOneFramedWindow() {
    List<long[]> w = TokenWindows.split(new long[] {5, 6, 7}, new boolean[3], 8, CLS, SEP);
    assertThat(w).containsExactly(new long[] {CLS, 5, 6, 7, SEP});
  }

  @Test
  void anEmptyTextIsJustTheSpecialTokens() {
    assertThat(TokenWindows.split(new long[0], new boolean[0], 8, CLS, SEP)).containsExactly(new long[] {CLS, SEP});
  }

  @Test
  void windowsHoldAtMostMaxTokensAndCoverEveryToken() {
    long[] ids = new long[10];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    // room for 3 word pieces a window (5 - [CLS] - [SEP])
    List<long[]> w = TokenWindows.split(ids, new boolean[10], 5, CLS, SEP);
    assertThat(w).containsExactly(
        new long[] {CLS, 0, 1, 2, SEP}, new long[] {CLS, 3, 4, 5, SEP},
        new long[] {CLS, 6, 7, 8, SEP}, new long[] {CLS, 9, SEP});
  }

  @Test
  void aWindowNeverEndsInsideAWord() {
    // tokens: a ##b ##c d e, where "a ##b ##c" is one word
    long[] ids = {1, 2, 3, 4, 5};
    boolean[] cont = {false, true, true, false, false};
    assertThat(TokenWindows.split(ids, cont, 5, CLS, SEP))   // room 3: a ##b ##c | d e
        .containsExactly(new long[] {CLS, 1, 2, 3, SEP}, new long[] {CLS, 4, 5, SEP});
    assertThat(TokenWindows.split(ids, cont, 6, CLS, SEP))   // room 4: "d" fits, word intact
        .containsExactly(new long[] {CLS, 1, 2, 3, 4, SEP}, new long[] {CLS, 5, SEP});
    long[] ids2 = {1, 2, 3, 4};
    boolean[] cont2 = {false, false, true, false};          // x y ##z w, room 2 would cut y|##z
    assertThat(TokenWindows.split(ids2, cont2, 4, CLS, SEP))
        .containsExactly(new long[] {CLS, 1, SEP}, new long[] {CLS, 2, 3, SEP}, new long[] {CLS, 4, SEP});
  }

  @Test
  void aWordLongerThanAWindowIsCutRatherThanLooping() {
    long[] ids = {1, 2, 3, 4};
    boolean[] cont = {false, true, true, true};
    assertThat(TokenWindows.split(ids, cont, 4, CLS, SEP))
        .containsExactly(new long[] {CLS, 1, 2, SEP}, new long[] {CLS, 3, 4, SEP});
  }

  @Test
  void misuseIsRefused() {
    assertThatThrownBy(() -> TokenWindows.split(new long[2], new boolean[1], 8, CLS, SEP))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenWindows.split(new long[2], new boolean[2], 2, CLS, SEP))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
