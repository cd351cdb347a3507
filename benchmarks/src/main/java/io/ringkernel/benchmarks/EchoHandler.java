package io.ringkernel.benchmarks;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.aparapi.Part;
import io.ringkernel.aparapi.Reply;
import io.ringkernel.aparapi.Request;

/** The echo's Aparapi handler: copies each {@link Payload}'s bytes into its reply, one work-item per message. */
public final class EchoHandler extends MessageBatchKernel {
    @Request(type = Payload.class, component = "data")
    byte[] data;
    @Request(type = Payload.class, component = "data", part = Part.START)
    int[] dataStart;
    @Request(type = Payload.class, component = "data", part = Part.LENGTH)
    int[] dataLength;
    @Reply(type = Payload.class, component = "data")
    byte[] echoed;
    @Reply(type = Payload.class, component = "data", part = Part.START)
    int[] echoedStart;
    @Reply(type = Payload.class, component = "data", part = Part.LENGTH)
    int[] echoedLength;

    @Override
    public void run() {
        int i = getGlobalId();
        if (messageType[i] == 1) {
            int from = dataStart[i];
            int to = echoedStart[i];
            for (int j = 0; j < dataLength[i]; j++) {
                echoed[to + j] = data[from + j];
            }
            echoedLength[i] = dataLength[i];
            replyType[i] = 1;
        }
    }
}
