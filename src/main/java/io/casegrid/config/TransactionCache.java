package io.casegrid.config;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read at most once per transaction: the first read goes to the database, later reads in the same transaction
 * get the value kept from it, and the kept values go away when the transaction ends (commit or rollback). Nothing is
 * shared between transactions, threads or nodes, so a change committed elsewhere is seen by the next transaction.
 * Whoever writes what a cache holds puts the written value ({@link #put}) or forgets it ({@link #evict}) in the same
 * transaction, so that a read after a write sees the write. A transaction suspended for an inner one (REQUIRES_NEW)
 * keeps its values apart: the inner transaction starts empty. Outside a transaction every read goes to the database.
 */
public final class TransactionCache<K, V> {

	private final String name;

	public TransactionCache(String name) {
		this.name = name;
	}

	/** The value kept in this transaction for {@code key}, else {@code read}'s (then kept). */
	public V get(K key, Function<K, V> read) {
		Map<K, V> values = values();
		if (values == null) {
			return read.apply(key);
		}
		if (values.containsKey(key)) {
			return values.get(key);
		}
		V value = read.apply(key);
		values.put(key, value);
		return value;
	}

	/** Keeps {@code value} as what this transaction has written for {@code key}. */
	public void put(K key, V value) {
		Map<K, V> values = values();
		if (values != null) {
			values.put(key, value);
		}
	}

	/** Forgets {@code key}: the next read in this transaction goes to the database. */
	public void evict(K key) {
		Map<K, V> values = values();
		if (values != null) {
			values.remove(key);
		}
	}

	/** Forgets everything kept in this transaction. */
	public void clear() {
		Map<K, V> values = values();
		if (values != null) {
			values.clear();
		}
	}

	/**
	 * This transaction's values, held by a synchronization registered with it: the synchronizations go with their
	 * transaction (set aside while an inner one runs, dropped when it ends), so the values cannot outlive it on a
	 * pooled thread, even when first read in an after-commit callback.
	 */
	@SuppressWarnings("unchecked")
	private Map<K, V> values() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Kept<?, ?> kept && kept.cache == this) {
				return ((Kept<K, V>) kept).values;
			}
		}
		Kept<K, V> kept = new Kept<>(this);
		TransactionSynchronizationManager.registerSynchronization(kept);
		return kept.values;
	}

	@Override
	public String toString() {
		return "TransactionCache[" + name + "]";
	}

	private static final class Kept<K, V> implements TransactionSynchronization {

		private final TransactionCache<K, V> cache;

		private final Map<K, V> values = new HashMap<>();

		private Kept(TransactionCache<K, V> cache) {
			this.cache = cache;
		}

		@Override
		public void afterCompletion(int status) {
			values.clear();
		}

	}

}
