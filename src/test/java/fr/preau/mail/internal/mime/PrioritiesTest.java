package fr.preau.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.mail.internal.mime.HeaderText.RawHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrioritiesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "X-Priority: 1 (Highest)|1",
        "X-Priority: 2 (High)|2",
        "X-Priority: 3|3",
        "X-Priority: 5 (Lowest)|5",
        "X-Priority: 9|3",
        "X-Priority: 12|3",
        "Importance: High|1",
        "Importance: low|5",
        "Importance: Normal|3",
        "X-MSMail-Priority: High|1",
        "Priority: urgent|1",
        "Priority: non-urgent|5",
        "Priority: normal|3",
        "X-Priority: 4; Importance: high|4",
        "X-Priority: junk; Importance: high|1",
        "Subject: nothing|3",
    })
    void readsPriority(String fields, int expected) {
        List<RawHeader> headers = new ArrayList<>();
        for (String field : fields.split("; ")) {
            int colon = field.indexOf(':');
            headers.add(new RawHeader(field.substring(0, colon), field.substring(colon + 1).strip()));
        }
        assertThat(Priorities.of(headers)).isEqualTo(expected);
    }
}
