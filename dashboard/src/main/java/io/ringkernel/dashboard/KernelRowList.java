package io.ringkernel.dashboard;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * The kernels table's rows. The rows change in place, so the list reports which ones changed, all
 * of them in one change per snapshot: the filter and the sort then run once per snapshot, not
 * once per row.
 */
final class KernelRowList extends ModifiableObservableListBase<KernelRow> {
    private final List<KernelRow> rows = new ArrayList<>();

    /** @param indices the positions of the rows an update changed */
    void updated(BitSet indices) {
        if (indices.isEmpty()) {
            return;
        }
        beginChange();
        indices.stream().forEach(this::nextUpdate);
        endChange();
    }

    @Override
    public KernelRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, KernelRow row) {
        rows.add(index, row);
    }

    @Override
    protected KernelRow doSet(int index, KernelRow row) {
        return rows.set(index, row);
    }

    @Override
    protected KernelRow doRemove(int index) {
        return rows.remove(index);
    }
}
