package dev.newsroom.streams.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {
    private final LanguageIdentifier languages = LanguageIdentifier.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Turkey seals its border|The government said on Monday that it would close the remaining stretch of the border with Syria, after weeks of pressure from its allies.",
        "de|Türkei schließt die Grenze|Die Regierung kündigte am Montag an, den verbleibenden Abschnitt der Grenze zu Syrien zu schließen, nachdem die Verbündeten wochenlang Druck gemacht hatten.",
        "fr|La Turquie ferme sa frontière|Le gouvernement a annoncé lundi qu'il fermerait la dernière portion de la frontière avec la Syrie, après des semaines de pression de la part de ses alliés.",
        "es|Turquía cierra su frontera|El gobierno anunció el lunes que cerrará el tramo restante de la frontera con Siria, después de semanas de presión por parte de sus aliados.",
        "it|La Turchia chiude il confine|Il governo ha annunciato lunedì che chiuderà il tratto rimanente del confine con la Siria, dopo settimane di pressioni da parte dei suoi alleati.",
        "pt|A Turquia fecha a fronteira|O governo anunciou na segunda-feira que vai fechar o trecho restante da fronteira com a Síria, depois de semanas de pressão dos seus aliados.",
        "ru|Турция закрывает границу|Правительство объявило в понедельник, что закроет оставшийся участок границы с Сирией после нескольких недель давления со стороны союзников.",
        "ar|تركيا تغلق حدودها|أعلنت الحكومة يوم الاثنين أنها ستغلق الجزء المتبقي من الحدود مع سوريا بعد أسابيع من الضغط من حلفائها.",
    })
    void shouldIdentifyTheLanguageOfNewsText(String language, String title, String text) {
        assertThat(languages.detect(title, text)).isEqualTo(language);
    }

    @Test
    void shouldAnswerNothingForEmptyOrTooShortText() {
        assertThat(languages.detect("", "")).isEmpty();
        assertThat(languages.detect(null, null)).isEmpty();
        assertThat(languages.detect("Syria", "")).isEmpty();
        assertThat(languages.detect("", "12 345 678 -- !!")).isEmpty();
    }

    @Test
    void shouldReadTheTitleWhenThereIsNoText() {
        assertThat(languages.detect("The government said it would close the border with Syria next week", null)).isEqualTo("en");
    }

    @Test
    void shouldSampleOnlyTheStartOfLongText() {
        String english = "The government said on Monday that it would close the border. ".repeat(40);
        String german = "Die Regierung kündigte am Montag an, die Grenze zu schließen. ".repeat(400);

        assertThat(LanguageIdentifier.sample("Title", english + german)).hasSizeLessThanOrEqualTo(LanguageIdentifier.SAMPLE_CHARS);
        assertThat(languages.detect("", english + german)).isEqualTo("en");
    }

    @Test
    void shouldGiveTheSameAnswerEveryTime() {
        String text = "Le gouvernement a annoncé lundi qu'il fermerait la frontière avec la Syrie.";
        assertThat(languages.detect("", text)).isEqualTo(languages.detect("", text)).isEqualTo("fr");
    }
}
