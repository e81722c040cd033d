/*
 * Shared memory described by the normal world: buffers registered with
 * REGISTER_SHM (found again by their cookie) and buffers handed out by the
 * SHM_ALLOC RPC. Both are a list of 4 KiB normal-world pages, copied into
 * secure memory when the object is created.
 */
#ifndef TEE_SHM_H
#define TEE_SHM_H

#include <rampart/types.h>

/* Bounds what the normal world can make the core allocate for one object. */
#define SHM_MAX_SIZE (64ull * 1024 * 1024)

struct shm {
	uint64_t cookie;
	uint64_t size;
	uint32_t page_offset; /* of the data in the first page */
	uint32_t refcount;    /* registry + calls using it */
	size_t num_pages;
	paddr_t *pages;
	bool contiguous; /* RPC allocation that came back as one PA range */
	paddr_t contiguous_pa;
	struct shm *next;
};

/*
 * Builds an object from a non-contiguous page list (OPTEE_MSG_ATTR_NONCONTIG
 * encoding: @list_pa = PA of the first list page | data offset in its first
 * page). Validates every list and data page. Not registered.
 */
TEE_Result shm_from_page_list(uint64_t list_pa, uint64_t size,
			      uint64_t cookie, struct shm **out);
/* An object for a physically contiguous normal-world range. */
TEE_Result shm_from_contiguous(paddr_t pa, uint64_t size, uint64_t cookie,
			       struct shm **out);
void shm_destroy(struct shm *s);

/* The REGISTER_SHM registry. BAD_STATE if the cookie is already in use. */
TEE_Result shm_register(struct shm *s);
/* BAD_PARAMETERS if unknown, BUSY while a call still uses it. */
TEE_Result shm_unregister(uint64_t cookie);
/* Takes a reference; put it back with shm_put(). NULL if unknown. */
struct shm *shm_get(uint64_t cookie);
void shm_put(struct shm *s);

/* Copies with bounds checks against the object's size. */
TEE_Result shm_read(const struct shm *s, uint64_t offs, void *dst,
		    size_t len);
TEE_Result shm_write(const struct shm *s, uint64_t offs, const void *src,
		     size_t len);

#endif
