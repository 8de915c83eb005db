package fr.preau.delivery.internal.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A real DNS server on a UDP socket of 127.0.0.1 for tests: each query goes to a handler that
 * adds answers to the reply (or returns {@code null} to drop the query, as a dead server
 * would). Records every question it was asked.
 */
final class LocalDnsServer implements AutoCloseable {

    /** Fills the reply to a query; returns it, or {@code null} to send nothing. */
    interface Handler extends Function<Message, Message> {}

    private final DatagramSocket socket;
    private final Thread thread;
    private final Handler handler;
    final List<String> questions = new CopyOnWriteArrayList<>();

    LocalDnsServer(Handler handler) throws SocketException {
        this.handler = handler;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = Thread.ofPlatform().daemon().name("test-dns").start(this::serve);
    }

    /** A handler answering from record lists: {@code name type} to records, or a bare rcode. */
    static Message reply(Message query, int rcode, Record... answers) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        reply.getHeader().setRcode(rcode);
        reply.addRecord(query.getQuestion(), Section.QUESTION);
        for (Record answer : answers) {
            reply.addRecord(answer, answer.getType() == org.xbill.DNS.Type.SOA ? Section.AUTHORITY : Section.ANSWER);
        }
        return reply;
    }

    static Message noError(Message query, Record... answers) {
        return reply(query, Rcode.NOERROR, answers);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    int asked(String question) {
        return (int) questions.stream().filter(question::equals).count();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record q = query.getQuestion();
                questions.add(q.getName().toString().toLowerCase() + " " + org.xbill.DNS.Type.string(q.getType()));
                Message reply = handler.apply(query);
                if (reply != null) {
                    byte[] wire = reply.toWire();
                    socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}
