/*
 * The supplicant's shared memory: buffers it hands the kernel for
 * SHM_ALLOC (registered user memory with TEE_IOC_SHM_REGISTER when the
 * driver has REG_MEM, else TEE_IOC_SHM_ALLOC + mmap), kept in an id → buffer
 * table that request memrefs are resolved against. Entries are reference
 * counted so a SHM_FREE racing with a request still using the buffer only
 * releases it when that request is done.
 */
#ifndef SUPP_SHM_H
#define SUPP_SHM_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct supp_shm {
	struct supp_shm *next;
	int id;         /* the kernel's shm id */
	int fd;         /* keeps the kernel's shm alive; -1 for test memory */
	void *ptr;
	size_t size;    /* usable bytes */
	size_t map_len; /* length of the allocation / mapping */
	bool mapped;    /* ptr is an mmap of fd (else malloc'ed) */
	bool freed;     /* SHM_FREE seen; released at refs == 0 */
	unsigned refs;
};

struct supp_shm_table {
	pthread_mutex_t mutex;
	struct supp_shm *head;
	int devfd;     /* /dev/teepriv*, or -1: plain memory, ids made up */
	bool reg_mem;  /* TEE_GEN_CAP_REG_MEM */
	int next_fake_id;
	size_t count;
};

void supp_shm_table_init(struct supp_shm_table *t, int devfd, bool reg_mem);
/* Releases every entry (at exit / in tests). */
void supp_shm_table_fini(struct supp_shm_table *t);

/* SHM_ALLOC: zeroed memory of size bytes; *id is the kernel's id. TEEC code. */
uint32_t supp_shm_alloc(struct supp_shm_table *t, size_t size, int *id);

/* SHM_FREE: TEEC_SUCCESS, or TEEC_ERROR_BAD_PARAMETERS for an unknown id. */
uint32_t supp_shm_free(struct supp_shm_table *t, uint64_t id);

/*
 * Looks up [offs, offs + size) of the buffer with this id and takes a
 * reference (release with supp_shm_put). NULL if the id is unknown or the
 * range does not fit; *known tells which.
 */
struct supp_shm *supp_shm_get(struct supp_shm_table *t, uint64_t id,
			      uint64_t offs, uint64_t size, bool *known);
void supp_shm_put(struct supp_shm_table *t, struct supp_shm *s);

#endif
