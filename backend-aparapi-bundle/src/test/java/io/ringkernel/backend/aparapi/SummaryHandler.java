package io.ringkernel.backend.aparapi;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.aparapi.Part;
import io.ringkernel.aparapi.Reply;
import io.ringkernel.aparapi.Request;

/** Answers a {@link Reading} with a {@link Summary}: every column kind, in both directions. */
public final class SummaryHandler extends MessageBatchKernel {
    static final int READING = 1;
    static final int SUMMARY = 2;

    @Request(type = Reading.class, component = "sensor")
    int[] sensor;
    @Request(type = Reading.class, component = "valid")
    boolean[] valid;
    @Request(type = Reading.class, component = "value")
    double[] value;
    @Request(type = Reading.class, component = "samples")
    float[] samples;
    @Request(type = Reading.class, component = "samples", part = Part.START)
    int[] samplesStart;
    @Request(type = Reading.class, component = "samples", part = Part.LENGTH)
    int[] samplesLength;
    @Request(type = Reading.class, component = "grade")
    char[] grade;

    @Reply(type = Summary.class, component = "sensor")
    int[] summarySensor;
    @Reply(type = Summary.class, component = "valid")
    boolean[] summaryValid;
    @Reply(type = Summary.class, component = "total")
    double[] total;
    @Reply(type = Summary.class, component = "reversed")
    float[] reversed;
    @Reply(type = Summary.class, component = "reversed", part = Part.START)
    int[] reversedStart;
    @Reply(type = Summary.class, component = "reversed", part = Part.LENGTH)
    int[] reversedLength;
    @Reply(type = Summary.class, component = "samples")
    long[] sampleCount;
    @Reply(type = Summary.class, component = "grade")
    char[] nextGrade;

    @Override
    public void run() {
        int i = getGlobalId();
        if (messageType[i] == READING) {
            int n = samplesLength[i];
            double sum = value[i];
            for (int j = 0; j < n; j++) {
                float sample = samples[samplesStart[i] + j];
                sum += sample;
                reversed[reversedStart[i] + n - 1 - j] = sample;
            }
            summarySensor[i] = sensor[i];
            summaryValid[i] = !valid[i];
            total[i] = sum;
            reversedLength[i] = n;
            sampleCount[i] = n;
            nextGrade[i] = (char) (grade[i] + 1);
            replyType[i] = SUMMARY;
        }
    }
}
