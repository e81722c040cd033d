#include <kernel/spinlock.h>
#include <mm/page_pool.h>
#include <string.h>

static bool used(const struct page_pool *p, size_t i)
{
	return p->bitmap[i / 64] & BIT(i % 64);
}

static void set(struct page_pool *p, size_t i, bool v)
{
	if (v)
		p->bitmap[i / 64] |= BIT(i % 64);
	else
		p->bitmap[i / 64] &= ~BIT(i % 64);
}

TEE_Result page_pool_init(struct page_pool *p, void *base, size_t pages,
			  uint64_t *bitmap)
{
	if (!pages || !IS_ALIGNED((uintptr_t)base, PAGE_POOL_PAGE))
		return TEE_ERROR_BAD_PARAMETERS;
	p->base = base;
	p->pages = pages;
	p->free_pages = pages;
	p->bitmap = bitmap;
	p->hint = 0;
	p->lock = 0;
	memset(bitmap, 0, ROUNDUP(pages, 64) / 8);
	memset(base, 0, pages * PAGE_POOL_PAGE);
	return TEE_SUCCESS;
}

void *page_pool_alloc(struct page_pool *p, size_t n)
{
	if (!n || n > p->pages)
		return NULL;
	spin_lock(&p->lock);
	for (size_t tries = 0; tries < p->pages; tries++) {
		size_t start = (p->hint + tries) % p->pages, k;

		if (start + n > p->pages)
			continue;
		for (k = 0; k < n && !used(p, start + k); k++)
			;
		if (k < n)
			continue;
		for (k = 0; k < n; k++)
			set(p, start + k, true);
		p->free_pages -= n;
		p->hint = (start + n) % p->pages;
		spin_unlock(&p->lock);
		return p->base + start * PAGE_POOL_PAGE;
	}
	spin_unlock(&p->lock);
	return NULL;
}

TEE_Result page_pool_free(struct page_pool *p, void *pages, size_t n)
{
	uintptr_t a = (uintptr_t)pages, b = (uintptr_t)p->base;
	size_t first;

	if (!n || a < b || !IS_ALIGNED(a - b, PAGE_POOL_PAGE))
		return TEE_ERROR_BAD_PARAMETERS;
	first = (a - b) / PAGE_POOL_PAGE;
	if (first >= p->pages || n > p->pages - first)
		return TEE_ERROR_BAD_PARAMETERS;
	spin_lock(&p->lock);
	for (size_t k = 0; k < n; k++) {
		if (!used(p, first + k)) {
			spin_unlock(&p->lock);
			return TEE_ERROR_BAD_PARAMETERS;
		}
	}
	memset(pages, 0, n * PAGE_POOL_PAGE);
	for (size_t k = 0; k < n; k++)
		set(p, first + k, false);
	p->free_pages += n;
	spin_unlock(&p->lock);
	return TEE_SUCCESS;
}
