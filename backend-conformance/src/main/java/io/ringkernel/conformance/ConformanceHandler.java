package io.ringkernel.conformance;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.aparapi.Part;
import io.ringkernel.aparapi.Reply;
import io.ringkernel.aparapi.Request;

/** The conformance kernel's Aparapi handler: echoes {@link Ping} and {@link Blob}, fails on {@link Fail}. */
public final class ConformanceHandler extends MessageBatchKernel {
    @Request(type = Ping.class, component = "sequence")
    long[] sequence;
    @Request(type = Ping.class, component = "sender")
    int[] sender;
    @Reply(type = Ping.class, component = "sequence")
    long[] echoedSequence;
    @Reply(type = Ping.class, component = "sender")
    int[] echoedSender;

    @Request(type = Blob.class, component = "data")
    byte[] data;
    @Request(type = Blob.class, component = "data", part = Part.START)
    int[] dataStart;
    @Request(type = Blob.class, component = "data", part = Part.LENGTH)
    int[] dataLength;
    @Reply(type = Blob.class, component = "data")
    byte[] echoedData;
    @Reply(type = Blob.class, component = "data", part = Part.START)
    int[] echoedDataStart;
    @Reply(type = Blob.class, component = "data", part = Part.LENGTH)
    int[] echoedDataLength;

    @Request(type = Fail.class, component = "code")
    int[] failCode;

    @Override
    public void run() {
        int i = getGlobalId();
        int type = messageType[i];
        if (type == ConformanceKernel.PING_TYPE) {
            echoedSequence[i] = sequence[i];
            echoedSender[i] = sender[i];
            replyType[i] = ConformanceKernel.PING_TYPE;
        } else if (type == ConformanceKernel.BLOB_TYPE) {
            int from = dataStart[i];
            int to = echoedDataStart[i];
            for (int j = 0; j < dataLength[i]; j++) {
                echoedData[to + j] = data[from + j];
            }
            echoedDataLength[i] = dataLength[i];
            replyType[i] = ConformanceKernel.BLOB_TYPE;
        } else if (type == ConformanceKernel.FAIL_TYPE) {
            failureCode[i] = failCode[i];
            replyType[i] = FAILED;
        }
    }

    @Override
    public String describeFailure(int messageType, int failureCode) {
        return "failure " + failureCode + " requested by the sender";
    }
}
