import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Cost of one Argon2id check (Spring Security's encoder over BouncyCastle, as Préau uses it)
 * for the configured parameters and a few alternatives, single-threaded.
 *
 * <pre>java -cp "$(cat classpath.txt)" Argon2Bench.java</pre>
 */
public class Argon2Bench {

    public static void main(String[] args) {
        int[][] settings = {{19456, 3, 1}, {16384, 4, 1}, {24576, 3, 1}, {12288, 5, 1}, {19456, 2, 1}, {47104, 1, 1}};
        System.out.printf("%-28s %10s %10s%n", "parameters", "ms/check", "min ms");
        for (int[] s : settings) {
            Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, s[2], s[0], s[1]);
            String hash = encoder.encode("Marelle-Cerf-Volant-84!");
            for (int i = 0; i < 10; i++) {
                encoder.matches("warm-up", hash);
            }
            int n = 40;
            long min = Long.MAX_VALUE;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                encoder.matches("Marelle-Cerf-Volant-84!", hash);
                min = Math.min(min, System.nanoTime() - t0);
            }
            double avg = (System.nanoTime() - start) / 1e6 / n;
            System.out.printf("m=%-6d KiB t=%d p=%d %8s %10.1f %10.1f%s%n", s[0], s[1], s[2], "", avg, min / 1e6,
                    s[0] == 19456 && s[1] == 3 ? "   <- Préau's setting" : "");
        }
    }
}
