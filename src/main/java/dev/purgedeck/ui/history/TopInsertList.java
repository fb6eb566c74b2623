package dev.purgedeck.ui.history;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import javafx.collections.ModifiableObservableListBase;

/**
 * An observable list that takes additions at its top as cheaply as an ArrayList takes them at its end: it keeps its
 * elements in reverse. The history shows newest first, so each new purge goes on top of up to a million rows; in a
 * plain observable list every such insert would move every row. Bulk changes are one change each.
 */
final class TopInsertList<E> extends ModifiableObservableListBase<E> implements RandomAccess {
    private ArrayList<E> reversed = new ArrayList<>();

    @Override
    public E get(int index) {
        return reversed.get(slot(index));
    }

    @Override
    public int size() {
        return reversed.size();
    }

    @Override
    protected void doAdd(int index, E element) {
        reversed.add(reversed.size() - index, element);
    }

    @Override
    protected E doSet(int index, E element) {
        return reversed.set(slot(index), element);
    }

    @Override
    protected E doRemove(int index) {
        return reversed.remove(slot(index));
    }

    @Override
    public boolean setAll(Collection<? extends E> col) {
        beginChange();
        try {
            ArrayList<E> old = reversed;
            reversed = new ArrayList<>(col);
            Collections.reverse(reversed);
            if (!old.isEmpty()) {
                nextRemove(0, new Backwards<>(old));
            }
            if (!reversed.isEmpty()) {
                nextAdd(0, reversed.size());
            }
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return addAll(size(), c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        if (index < 0 || index > size()) {
            throw new IndexOutOfBoundsException(index);
        }
        if (c.isEmpty()) {
            return false;
        }
        beginChange();
        try {
            List<E> backwards = new ArrayList<>(c);
            Collections.reverse(backwards);
            reversed.addAll(reversed.size() - index, backwards);
            nextAdd(index, index + backwards.size());
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public void clear() {
        setAll(List.of());
    }

    private int slot(int index) {
        if (index < 0 || index >= reversed.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return reversed.size() - 1 - index;
    }

    /** The elements of a list no longer in use, last first: what a replaced list held, in display order. */
    private static final class Backwards<E> extends AbstractList<E> implements RandomAccess {
        private final List<E> list;

        Backwards(List<E> list) {
            this.list = list;
        }

        @Override
        public E get(int index) {
            return list.get(list.size() - 1 - index);
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
