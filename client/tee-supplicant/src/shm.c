/*
 * Shared memory for SHM_ALLOC/SHM_FREE and the id → buffer table (shm.h).
 */
#define _GNU_SOURCE
#include "shm.h"

#include <errno.h>
#include <limits.h>
#include <linux/tee.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "log.h"
#include "supp_proto.h"

#define SHM_PAGE 4096u
/* Outstanding buffers allowed at once (the secure side frees its own). */
#define SHM_MAX_ENTRIES 4096u

void supp_shm_table_init(struct supp_shm_table *t, int devfd, bool reg_mem)
{
	memset(t, 0, sizeof(*t));
	pthread_mutex_init(&t->mutex, NULL);
	t->devfd = devfd;
	t->reg_mem = reg_mem;
	t->next_fake_id = 1;
}

static void release(struct supp_shm *s)
{
	if (s->mapped)
		munmap(s->ptr, s->map_len);
	/* Closing the fd drops the kernel's last reference of its shm. */
	if (s->fd >= 0)
		close(s->fd);
	if (!s->mapped)
		free(s->ptr);
	free(s);
}

void supp_shm_table_fini(struct supp_shm_table *t)
{
	pthread_mutex_lock(&t->mutex);
	while (t->head) {
		struct supp_shm *s = t->head;

		t->head = s->next;
		release(s);
	}
	t->count = 0;
	pthread_mutex_unlock(&t->mutex);
}

/* Registered user memory (REG_MEM). */
static int alloc_registered(struct supp_shm_table *t, struct supp_shm *s)
{
	struct tee_ioctl_shm_register_data d = { 0 };

	if (posix_memalign(&s->ptr, SHM_PAGE, s->map_len)) {
		s->ptr = NULL;
		return -ENOMEM;
	}
	memset(s->ptr, 0, s->map_len);
	d.addr = (uintptr_t)s->ptr;
	d.length = s->size;
	s->fd = ioctl(t->devfd, TEE_IOC_SHM_REGISTER, &d);
	if (s->fd < 0)
		return -errno;
	s->id = d.id;
	return 0;
}

/* Driver-allocated memory mapped into us (no REG_MEM). */
static int alloc_driver(struct supp_shm_table *t, struct supp_shm *s)
{
	struct tee_ioctl_shm_alloc_data d = { .size = s->size };
	void *p;

	s->fd = ioctl(t->devfd, TEE_IOC_SHM_ALLOC, &d);
	if (s->fd < 0)
		return -errno;
	if (d.size < s->size)
		return -EINVAL;
	p = mmap(NULL, d.size, PROT_READ | PROT_WRITE, MAP_SHARED, s->fd, 0);
	if (p == MAP_FAILED)
		return -errno;
	s->ptr = p;
	s->mapped = true;
	s->map_len = d.size;
	s->id = d.id;
	memset(p, 0, d.size);
	return 0;
}

/* No device (host tests): plain memory, ids counted up. */
static int alloc_plain(struct supp_shm_table *t, struct supp_shm *s)
{
	s->ptr = calloc(1, s->map_len);
	if (!s->ptr)
		return -ENOMEM;
	pthread_mutex_lock(&t->mutex);
	s->id = t->next_fake_id++;
	if (t->next_fake_id == INT_MAX)
		t->next_fake_id = 1;
	pthread_mutex_unlock(&t->mutex);
	return 0;
}

uint32_t supp_shm_alloc(struct supp_shm_table *t, size_t size, int *id)
{
	struct supp_shm *s;
	int rc;

	if (!size || size > SIZE_MAX - SHM_PAGE)
		return TEEC_ERROR_BAD_PARAMETERS;
	pthread_mutex_lock(&t->mutex);
	rc = t->count >= SHM_MAX_ENTRIES;
	pthread_mutex_unlock(&t->mutex);
	if (rc)
		return TEEC_ERROR_OUT_OF_MEMORY;
	s = calloc(1, sizeof(*s));
	if (!s)
		return TEEC_ERROR_OUT_OF_MEMORY;
	s->fd = -1;
	s->size = size;
	s->map_len = (size + SHM_PAGE - 1) & ~(size_t)(SHM_PAGE - 1);
	if (t->devfd < 0)
		rc = alloc_plain(t, s);
	else if (t->reg_mem)
		rc = alloc_registered(t, s);
	else
		rc = alloc_driver(t, s);
	if (rc) {
		WMSG("SHM_ALLOC of %zu bytes failed: %s", size, strerror(-rc));
		release(s);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	s->refs = 0;
	pthread_mutex_lock(&t->mutex);
	s->next = t->head;
	t->head = s;
	t->count++;
	pthread_mutex_unlock(&t->mutex);
	*id = s->id;
	DMSG("SHM_ALLOC %zu bytes -> id %d", size, s->id);
	return TEEC_SUCCESS;
}

uint32_t supp_shm_free(struct supp_shm_table *t, uint64_t id)
{
	struct supp_shm **pp, *s = NULL;
	bool found = false;

	pthread_mutex_lock(&t->mutex);
	for (pp = &t->head; *pp; pp = &(*pp)->next) {
		if ((uint64_t)(*pp)->id == id) {
			s = *pp;
			*pp = s->next;
			t->count--;
			found = true;
			break;
		}
	}
	if (s) {
		s->freed = true;
		if (s->refs)
			s = NULL; /* the last supp_shm_put releases it */
	}
	pthread_mutex_unlock(&t->mutex);
	if (s)
		release(s);
	if (!found) {
		WMSG("SHM_FREE of unknown id %llu", (unsigned long long)id);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	DMSG("SHM_FREE id %llu", (unsigned long long)id);
	return TEEC_SUCCESS;
}

struct supp_shm *supp_shm_get(struct supp_shm_table *t, uint64_t id,
			      uint64_t offs, uint64_t size, bool *known)
{
	struct supp_shm *s;

	*known = false;
	if (id > INT_MAX)
		return NULL;
	pthread_mutex_lock(&t->mutex);
	for (s = t->head; s; s = s->next)
		if ((uint64_t)s->id == id)
			break;
	if (s) {
		*known = true;
		if (offs > s->size || size > s->size - offs)
			s = NULL;
		else
			s->refs++;
	}
	pthread_mutex_unlock(&t->mutex);
	return s;
}

void supp_shm_put(struct supp_shm_table *t, struct supp_shm *s)
{
	bool done;

	if (!s)
		return;
	pthread_mutex_lock(&t->mutex);
	done = --s->refs == 0 && s->freed;
	pthread_mutex_unlock(&t->mutex);
	if (done)
		release(s);
}
