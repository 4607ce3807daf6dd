package dev.paracite.library;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * An index directory on a disk that fills up: once {@link #fill} has left it {@code room} bytes, any write
 * beyond them fails as a full disk does ("No space left on device") until {@link #free} is called. It also
 * counts the bytes written, so a test can size the room to fail at any point of a commit.
 */
final class FullDisk extends FilterDirectory {

    private final AtomicLong room = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong written = new AtomicLong();

    FullDisk(Directory in) {
        super(in);
    }

    void fill(long leaving) {
        room.set(leaving);
    }

    void free() {
        room.set(Long.MAX_VALUE);
    }

    long written() {
        return written.get();
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return new Limited(super.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        return new Limited(super.createTempOutput(prefix, suffix, context));
    }

    private void take(int bytes) throws IOException {
        if (room.addAndGet(-bytes) < 0) {
            room.set(-1);
            throw new IOException("No space left on device");
        }
        written.addAndGet(bytes);
    }

    private final class Limited extends FilterIndexOutput {

        Limited(IndexOutput out) {
            super("full disk (" + out + ")", out.getName(), out);
        }

        @Override
        public void writeByte(byte b) throws IOException {
            take(1);
            out.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            take(length);
            out.writeBytes(b, offset, length);
        }
    }
}
