package fr.preau.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fri, 21 Nov 1997 09:55:06 -0600|1997-11-21T09:55:06-06:00",
        "21 Nov 1997 09:55:06 +0100|1997-11-21T09:55:06+01:00",
        "Fri, 07 Oct 1994 16:15:05 -0700 (PDT)|1994-10-07T16:15:05-07:00",
        "Wed, 11 Feb 98 11:51 CST|1998-02-11T11:51-06:00",
        "Sun, 7 May 95 16:21:03 GMT|1995-05-07T16:21:03Z",
        "Tue, 6 Jun 2000 03:20:11 UT|2000-06-06T03:20:11Z",
        "Thu, 30 Apr 1998 11:28:50 EDT|1998-04-30T11:28:50-04:00",
        "Sun, 02 Apr 2017 22:09:04 -0000|2017-04-02T22:09:04Z",
        "Tue, 17 Jul 2012 22:23:35.882 0000|2012-07-17T22:23:35Z",
        "Fri, 1 Nov 2019 10:21:39 +070|2019-11-01T10:21:39+07:00",
        "Mon, 21 Aug 95 13:30:57 -600|1995-08-21T13:30:57-06:00",
        "Fri, 23 Aug 2002 2:32:53 -0400|2002-08-23T02:32:53-04:00",
        "Wed Feb 11 11:51:00 1998|1998-02-11T11:51Z",
        "mardi 3 septembre 2024 08:30:00 +0200|2024-09-03T08:30+02:00",
        "3 févr. 2025 14:00 +0100|2025-02-03T14:00+01:00",
        "mar. 3 sept. 2024 08:30 +0200|2024-09-03T08:30+02:00",
        "Mon, 21 Mar 1994 13:34:51 +0000|1994-03-21T13:34:51Z",
        "2024-09-03T08:30:00+02:00|2024-09-03T08:30+02:00",
        "2024-09-03 08:30:00Z|2024-09-03T08:30Z",
        "Thu, 8 Mar 2005 17:40:36 EDT|2005-03-08T17:40:36-04:00",
        "Sat, 31 Feb 2024 10:00:00 +0000|2024-02-29T10:00Z",
        "Tue, 7 Apr 2026 10:00:t <rimap-test@example.test>|2026-04-07T10:00Z",
        "Wed, 3 Jun 2015 09:05:46 +0000 (UTC)|2015-06-03T09:05:46Z",
        "Fri, 13 Feb 2026 22:38:16 +9900|2026-02-13T22:38:16Z",
    })
    void parsesLeniently(String header, String expected) {
        assertThat(DateParser.parse(header)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"not a date", "Fri, 21 Nov", "25:61:00", "''", "Fri, 21 Nov 1997 25:00:00 +0000"})
    void givesNullWhenThereIsNoDate(String header) {
        assertThat(DateParser.parse(header)).isNull();
    }
}
