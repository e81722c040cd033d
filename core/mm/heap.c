#include <mm/heap.h>
#include <string.h>

#define HEAP_ALIGN 16
#define MAGIC_USED 0x7573656475736564ull /* "usedused" */
#define MAGIC_FREE 0x6672656566726565ull /* "freefree" */

struct heap_hdr {
	size_t size; /* whole block, header included */
	uint64_t magic;
};

struct heap_free_block {
	struct heap_hdr hdr;
	struct heap_free_block *next;
};

#define MIN_BLOCK ROUNDUP(sizeof(struct heap_free_block), HEAP_ALIGN)

static void lock(struct heap *h)
{
	while (__atomic_exchange_n(&h->lock, 1, __ATOMIC_ACQUIRE))
		;
}

static void unlock(struct heap *h)
{
	__atomic_store_n(&h->lock, 0, __ATOMIC_RELEASE);
}

TEE_Result heap_init(struct heap *h, void *base, size_t size)
{
	uintptr_t start = ROUNDUP((uintptr_t)base, HEAP_ALIGN);
	uintptr_t end;
	struct heap_free_block *b;

	if (ADD_OVERFLOW((uintptr_t)base, size, &end))
		return TEE_ERROR_BAD_PARAMETERS;
	end = ROUNDDOWN(end, HEAP_ALIGN);
	if (end <= start || end - start < MIN_BLOCK)
		return TEE_ERROR_BAD_PARAMETERS;
	h->base = (uint8_t *)start;
	h->size = end - start;
	b = (struct heap_free_block *)start;
	b->hdr.size = h->size;
	b->hdr.magic = MAGIC_FREE;
	b->next = NULL;
	h->free_list = b;
	h->bytes_free = h->size;
	h->lock = 0;
	return TEE_SUCCESS;
}

void *heap_alloc(struct heap *h, size_t size)
{
	struct heap_free_block **link, *b;
	size_t need;

	if (!size || ADD_OVERFLOW(size, sizeof(struct heap_hdr), &need) ||
	    ADD_OVERFLOW(need, HEAP_ALIGN - 1, &need))
		return NULL;
	need = ROUNDDOWN(need, HEAP_ALIGN);
	if (need < MIN_BLOCK)
		need = MIN_BLOCK;

	lock(h);
	for (link = &h->free_list; (b = *link); link = &b->next) {
		if (b->hdr.size < need)
			continue;
		if (b->hdr.size - need >= MIN_BLOCK) {
			struct heap_free_block *rest =
				(struct heap_free_block *)((uint8_t *)b + need);

			rest->hdr.size = b->hdr.size - need;
			rest->hdr.magic = MAGIC_FREE;
			rest->next = b->next;
			*link = rest;
			b->hdr.size = need;
		} else {
			*link = b->next;
		}
		b->hdr.magic = MAGIC_USED;
		h->bytes_free -= b->hdr.size;
		unlock(h);
		return (uint8_t *)b + sizeof(struct heap_hdr);
	}
	unlock(h);
	return NULL;
}

void *heap_calloc(struct heap *h, size_t n, size_t size)
{
	size_t total;
	void *p;

	if (MUL_OVERFLOW(n, size, &total))
		return NULL;
	p = heap_alloc(h, total);
	if (p)
		memset(p, 0, total);
	return p;
}

TEE_Result heap_free(struct heap *h, void *p)
{
	struct heap_free_block *b, *prev = NULL, *cur;
	uintptr_t addr = (uintptr_t)p;

	if (!p)
		return TEE_SUCCESS;
	if (addr < (uintptr_t)h->base + sizeof(struct heap_hdr) ||
	    addr >= (uintptr_t)h->base + h->size ||
	    !IS_ALIGNED(addr, HEAP_ALIGN))
		return TEE_ERROR_BAD_PARAMETERS;
	b = (struct heap_free_block *)(addr - sizeof(struct heap_hdr));

	lock(h);
	if (b->hdr.magic != MAGIC_USED || b->hdr.size < MIN_BLOCK ||
	    b->hdr.size > (uintptr_t)h->base + h->size - (uintptr_t)b) {
		unlock(h);
		return TEE_ERROR_BAD_PARAMETERS;
	}
	b->hdr.magic = MAGIC_FREE;
	h->bytes_free += b->hdr.size;
	for (cur = h->free_list; cur && cur < b; cur = cur->next)
		prev = cur;
	b->next = cur;
	if (prev)
		prev->next = b;
	else
		h->free_list = b;
	/* Merge with the following, then with the preceding block. */
	if (cur && (uint8_t *)b + b->hdr.size == (uint8_t *)cur) {
		b->hdr.size += cur->hdr.size;
		b->next = cur->next;
	}
	if (prev && (uint8_t *)prev + prev->hdr.size == (uint8_t *)b) {
		prev->hdr.size += b->hdr.size;
		prev->next = b->next;
	}
	unlock(h);
	return TEE_SUCCESS;
}
