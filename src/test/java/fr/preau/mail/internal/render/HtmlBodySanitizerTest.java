package fr.preau.mail.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reading pane's sanitiser, case by case: input, whether remote content is allowed, expected output. */
class HtmlBodySanitizerTest {

    private static final Map<String, String> PARTS = Map.of("logo@example.org", "/parts/1.2", "a b", "/parts/1.3");

    private static HtmlBodySanitizer.Result sanitize(String html, boolean remote) {
        return HtmlBodySanitizer.sanitize(html, cid -> PARTS.get(cid), remote);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        # formatting, lists, tables, headings, quotes kept
        <p><b>gras</b> <i>it</i> <u>s</u> <s>b</s></p>               | false | <p><b>gras</b> <i>it</i> <u>s</u> <s>b</s></p>
        <h1>T</h1><h6>t</h6>                                         | false | <h1>T</h1><h6>t</h6>
        <ul><li>a</li></ul><ol start=3><li>b</li></ol>               | false | <ul><li>a</li></ul><ol start="3"><li>b</li></ol>
        <blockquote>q</blockquote><pre>  x</pre>                     | false | <blockquote>q</blockquote><pre>  x</pre>
        <table border=1><tr><td colspan=2>c</td></tr></table>        | false | <table border="1"><tbody><tr><td colspan="2">c</td></tr></tbody></table>
        <font color=red face=Arial>f</font>                          | false | <font color="red" face="Arial">f</font>
        # inline styles through the CSS allowlist
        <span style="color:red;position:fixed">x</span>              | false | <span style="color:red">x</span>
        <div style="width:expression(alert(1))">x</div>              | false | <div>x</div>
        # scripts, handlers, dangerous elements removed
        <p onclick=alert(1)>x</p><script>alert(1)</script>           | false | <p>x</p>
        <iframe src=https://e.org></iframe>y                         | false | y
        <object data=x></object><embed src=x>z                       | false | z
        <form action=/x><input name=a value=b></form>f               | false | f
        <base href=https://e.org/><meta http-equiv=refresh content=0>b | false | b
        <link rel=stylesheet href=https://e.org/s.css><style>p{}</style>s | false | s
        <html><head><title>Titre</title></head><body onload=x>c</body></html> | false | c
        # links: http, https, mailto only, new window, no referrer
        <a href=https://e.org/>l</a>                                 | false | <a href="https://e.org/" target="_blank" rel="noopener noreferrer nofollow">l</a>
        <a href=mailto:a@e.org target=_self rel=opener>m</a>         | false | <a href="mailto:a&#64;e.org" target="_blank" rel="noopener noreferrer nofollow">m</a>
        <a href=javascript:alert(1)>j</a>                            | false | j
        <a href=' JaVa&#x09;ScRiPt:alert(1)'>j</a>                   | false | j
        <a href=vbscript:x>v</a><a href=data:text/html,x>d</a>       | false | vd
        <a href=/logout>r</a><a href=ftp://e.org>f</a>               | false | rf
        # images: cid rewritten, data images kept, remote only when allowed
        <img src=cid:logo@example.org alt=l>                         | false | <img src="/parts/1.2" alt="l" />
        <img src='cid:%3Clogo@example.org%3E'>                       | false | <img src="/parts/1.2" />
        <img src=cid:a%20b>                                          | false | <img src="/parts/1.3" />
        <img src=cid:unknown@x alt=u>                                | false | <img alt="u" />
        <img src=data:image/png;base64,iVBORw0K>                     | false | <img src="data:image/png;base64,iVBORw0K" />
        <img src=data:image/svg+xml;base64,PHN2Zz4=>                 | false | ``
        <img src=data:text/html;base64,PHN2Zz4=>                     | false | ``
        <img src=https://t.e.org/p.gif alt=p>                        | false | <img alt="p" />
        <img src=https://t.e.org/p.gif alt=p>                        | true  | <img src="https://t.e.org/p.gif" alt="p" />
        <img src=http://t.e.org/p.gif>                               | true  | <img src="http://t.e.org/p.gif" />
        <img src=/relative.png>                                      | true  | ``
        <div style="background-image:url(https://t.e.org/b.png)">b</div> | false | <div>b</div>
        <div style="background-image:url(https://t.e.org/b.png)">b</div> | true  | <div style="background-image:url(&#39;https://t.e.org/b.png&#39;)">b</div>
        <div style="background:url(cid:logo@example.org)">b</div>    | false | <div style="background:url(&#39;/parts/1.2&#39;)">b</div>
        <div style="background:url(javascript:alert(1))">b</div>     | true  | <div>b</div>
        <td background=https://t.e.org/b.png>x</td>                  | false | <table><tbody><tr><td>x</td></tr></tbody></table>
        """)
    void sanitises(String input, boolean remote, String expected) {
        assertThat(sanitize(input, remote).html()).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        <img src=https://t.e.org/p.gif>                             | false | true
        <img src=https://t.e.org/p.gif>                             | true  | false
        <div style="background:url(http://t.e.org/b.png)">b</div>  | false | true
        <table background=http://t.e.org/b.png><tr><td>x</td></tr></table> | false | true
        <img src=cid:logo@example.org>                              | false | false
        <a href=https://e.org/>l</a>                                | false | false
        <link rel=stylesheet href=https://e.org/s.css>              | false | false
        """)
    void saysWhenRemoteContentWasBlocked(String input, boolean remote, boolean blocked) {
        assertThat(sanitize(input, remote).remoteBlocked()).isEqualTo(blocked);
    }
}
