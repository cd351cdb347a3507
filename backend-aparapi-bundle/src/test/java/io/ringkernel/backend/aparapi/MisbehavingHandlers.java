package io.ringkernel.backend.aparapi;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.aparapi.Part;
import io.ringkernel.aparapi.Reply;
import io.ringkernel.aparapi.Request;

/** Handlers that get something wrong, one each, for the error paths. */
final class MisbehavingHandlers {

    private MisbehavingHandlers() {
    }

    /** Replies with a message type the kernel does not declare. */
    public static final class UndeclaredReply extends MessageBatchKernel {
        @Override
        public void run() {
            int i = getGlobalId();
            if (messageType[i] == SummaryHandler.READING) {
                replyType[i] = 99;
            }
        }
    }

    /** Sets a negative reply type that means nothing. */
    public static final class NegativeReply extends MessageBatchKernel {
        @Override
        public void run() {
            int i = getGlobalId();
            if (messageType[i] == SummaryHandler.READING) {
                replyType[i] = -7;
            }
        }
    }

    /** Claims a reply array longer than the slice set aside for it. */
    public static final class OversizedArray extends MessageBatchKernel {
        @Reply(type = Summary.class, component = "reversed", part = Part.LENGTH)
        int[] reversedLength;

        @Override
        public void run() {
            int i = getGlobalId();
            if (messageType[i] == SummaryHandler.READING) {
                reversedLength[i] = 1_000_000;
                replyType[i] = SummaryHandler.SUMMARY;
            }
        }
    }

    /** Fails every reading with its sensor as the code, explained by the default text. */
    public static final class Failing extends MessageBatchKernel {
        @Request(type = Reading.class, component = "sensor")
        int[] sensor;

        @Override
        public void run() {
            int i = getGlobalId();
            if (messageType[i] == SummaryHandler.READING) {
                failureCode[i] = sensor[i];
                replyType[i] = FAILED;
            }
        }
    }

    /** Fails every reading, and its explanation throws. */
    public static final class ThrowingExplanation extends MessageBatchKernel {
        @Override
        public void run() {
            int i = getGlobalId();
            if (messageType[i] == SummaryHandler.READING) {
                failureCode[i] = 3;
                replyType[i] = FAILED;
            }
        }

        @Override
        public String describeFailure(int messageType, int failureCode) {
            throw new IllegalStateException("no words for code " + failureCode);
        }
    }

    /** Reads far past its column for sensor 42: an exception on the Java thread pool. */
    public static final class OutOfBounds extends MessageBatchKernel {
        @Request(type = Reading.class, component = "sensor")
        int[] sensor;
        @Reply(type = Summary.class, component = "sensor")
        int[] summarySensor;

        @Override
        public void run() {
            int i = getGlobalId();
            if (messageType[i] == SummaryHandler.READING) {
                summarySensor[i] = sensor[sensor[i] == 42 ? i + 100_000_000 : i];
                replyType[i] = SummaryHandler.SUMMARY;
            }
        }
    }

    /** Allocates an object in a method run() calls, which Aparapi cannot translate. */
    public static final class Allocating extends MessageBatchKernel {
        @Override
        public void run() {
            replyType[getGlobalId()] = labelLength(getGlobalId());
        }

        int labelLength(int slot) {
            return new StringBuilder().append(slot).length();
        }
    }

    /** Binds a long[] to an int component. */
    public static final class WrongColumnType extends MessageBatchKernel {
        @Request(type = Reading.class, component = "sensor")
        long[] sensor;

        @Override
        public void run() {
            replyType[getGlobalId()] = (int) sensor[getGlobalId()];
        }
    }

    /** Binds a component the record does not have. */
    public static final class UnknownComponent extends MessageBatchKernel {
        @Request(type = Reading.class, component = "temperature")
        double[] temperature;

        @Override
        public void run() {
            replyType[getGlobalId()] = (int) temperature[getGlobalId()];
        }
    }

    /** Binds a record that is no message type of the kernel. */
    public static final class UndeclaredColumnType extends MessageBatchKernel {
        @Request(type = Stray.class, component = "value")
        int[] value;

        @Override
        public void run() {
            replyType[getGlobalId()] = value[getGlobalId()];
        }
    }

    /** Asks for the start of a component that is no array. */
    public static final class StartOfPrimitive extends MessageBatchKernel {
        @Request(type = Reading.class, component = "sensor", part = Part.START)
        int[] sensorStart;

        @Override
        public void run() {
            replyType[getGlobalId()] = sensorStart[getGlobalId()];
        }
    }

    /** Has no public no-argument constructor. */
    public static final class NoDefaultConstructor extends MessageBatchKernel {
        private final int reply;

        /** @param reply the reply type it would set */
        public NoDefaultConstructor(int reply) {
            this.reply = reply;
        }

        @Override
        public void run() {
            replyType[getGlobalId()] = reply;
        }
    }

    /**
     * A record no test kernel declares.
     *
     * @param value a value
     */
    public record Stray(int value) {
    }
}
