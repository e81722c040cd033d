/* Normal-world shared memory objects and the REGISTER_SHM registry. */
#include <kernel/spinlock.h>
#include <mm/heap.h>
#include <rampart/abi/optee_msg.h>
#include <rampart/plat.h>
#include <string.h>
#include <tee/ns_mem.h>
#include <tee/shm.h>

#define PAGE_SIZE OPTEE_MSG_NONCONTIG_PAGE_SIZE

static struct shm *registry;
static volatile uint32_t registry_lock;

static struct shm *shm_new(uint64_t size, uint32_t page_offset,
			   uint64_t cookie, size_t *num_pages)
{
	uint64_t span;
	struct shm *s;

	if (!size || size > SHM_MAX_SIZE)
		return NULL;
	span = ROUNDUP(size + page_offset, PAGE_SIZE);
	*num_pages = span / PAGE_SIZE;
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->pages = calloc(*num_pages, sizeof(paddr_t));
	if (!s->pages) {
		free(s);
		return NULL;
	}
	s->cookie = cookie;
	s->size = size;
	s->page_offset = page_offset;
	s->num_pages = *num_pages;
	s->refcount = 1;
	return s;
}

void shm_destroy(struct shm *s)
{
	if (s) {
		free(s->pages);
		free(s);
	}
}

TEE_Result shm_from_page_list(uint64_t list_pa, uint64_t size,
			      uint64_t cookie, struct shm **out)
{
	uint32_t page_offset = list_pa & (PAGE_SIZE - 1);
	paddr_t list = list_pa & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t *entries;
	size_t num_pages, n = 0;
	struct shm *s;
	TEE_Result res = TEE_SUCCESS;

	if (size > SHM_MAX_SIZE)
		return TEE_ERROR_OUT_OF_MEMORY;
	s = shm_new(size, page_offset, cookie, &num_pages);
	if (!s)
		return size ? TEE_ERROR_OUT_OF_MEMORY
			    : TEE_ERROR_BAD_PARAMETERS;
	entries = malloc(PAGE_SIZE);
	if (!entries) {
		shm_destroy(s);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	/*
	 * The walk is bounded by the page count derived from @size, so a
	 * circular or endless chain of list pages cannot keep us here.
	 */
	while (n < num_pages) {
		res = ns_mem_read(list, entries, PAGE_SIZE);
		if (res)
			break;
		for (size_t i = 0; i < OPTEE_MSG_PAGE_LIST_ENTRIES && n < num_pages;
		     i++, n++) {
			paddr_t pa = entries[i];

			if (!IS_ALIGNED(pa, PAGE_SIZE) ||
			    !plat_is_ns_dram(pa, PAGE_SIZE)) {
				res = TEE_ERROR_BAD_PARAMETERS;
				goto out;
			}
			s->pages[n] = pa;
		}
		list = entries[OPTEE_MSG_PAGE_LIST_ENTRIES];
		if (n < num_pages && !IS_ALIGNED(list, PAGE_SIZE)) {
			res = TEE_ERROR_BAD_PARAMETERS;
			break;
		}
	}
out:
	free(entries);
	if (res) {
		shm_destroy(s);
		return res;
	}
	*out = s;
	return TEE_SUCCESS;
}

TEE_Result shm_from_contiguous(paddr_t pa, uint64_t size, uint64_t cookie,
			       struct shm **out)
{
	size_t num_pages;
	struct shm *s;

	if (!plat_is_ns_dram(pa, size))
		return TEE_ERROR_BAD_PARAMETERS;
	s = shm_new(size, pa & (PAGE_SIZE - 1), cookie, &num_pages);
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (size_t i = 0; i < num_pages; i++)
		s->pages[i] = ROUNDDOWN(pa, PAGE_SIZE) + i * PAGE_SIZE;
	*out = s;
	return TEE_SUCCESS;
}

TEE_Result shm_register(struct shm *s)
{
	spin_lock(&registry_lock);
	for (struct shm *r = registry; r; r = r->next) {
		if (r->cookie == s->cookie) {
			spin_unlock(&registry_lock);
			return TEE_ERROR_BAD_STATE;
		}
	}
	s->next = registry;
	registry = s;
	spin_unlock(&registry_lock);
	return TEE_SUCCESS;
}

TEE_Result shm_unregister(uint64_t cookie)
{
	struct shm **link, *s;

	spin_lock(&registry_lock);
	for (link = &registry; (s = *link); link = &s->next) {
		if (s->cookie != cookie)
			continue;
		if (s->refcount > 1) {
			spin_unlock(&registry_lock);
			return TEE_ERROR_BUSY;
		}
		*link = s->next;
		spin_unlock(&registry_lock);
		shm_destroy(s);
		return TEE_SUCCESS;
	}
	spin_unlock(&registry_lock);
	return TEE_ERROR_BAD_PARAMETERS;
}

struct shm *shm_get(uint64_t cookie)
{
	struct shm *s;

	spin_lock(&registry_lock);
	for (s = registry; s; s = s->next) {
		if (s->cookie == cookie) {
			s->refcount++;
			break;
		}
	}
	spin_unlock(&registry_lock);
	return s;
}

void shm_put(struct shm *s)
{
	spin_lock(&registry_lock);
	s->refcount--;
	spin_unlock(&registry_lock);
}

static TEE_Result copy(const struct shm *s, uint64_t offs, uint8_t *buf,
		       size_t len, bool to_shm)
{
	uint64_t end, pos;

	if (ADD_OVERFLOW(offs, (uint64_t)len, &end) || end > s->size)
		return TEE_ERROR_BAD_PARAMETERS;
	pos = offs + s->page_offset;
	while (len) {
		size_t page = pos / PAGE_SIZE, in_page = pos % PAGE_SIZE;
		size_t chunk = PAGE_SIZE - in_page;
		TEE_Result res;

		if (chunk > len)
			chunk = len;
		if (to_shm)
			res = ns_mem_write(s->pages[page] + in_page, buf, chunk);
		else
			res = ns_mem_read(s->pages[page] + in_page, buf, chunk);
		if (res)
			return res;
		buf += chunk;
		pos += chunk;
		len -= chunk;
	}
	return TEE_SUCCESS;
}

TEE_Result shm_read(const struct shm *s, uint64_t offs, void *dst, size_t len)
{
	return copy(s, offs, dst, len, false);
}

TEE_Result shm_write(const struct shm *s, uint64_t offs, const void *src,
		     size_t len)
{
	return copy(s, offs, (uint8_t *)src, len, true);
}
