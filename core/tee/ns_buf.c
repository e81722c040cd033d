/* Byte ranges of normal-world memory, contiguous or page-listed. */
#include <tee/ns_mem.h>
#include <tee/shm.h>

static TEE_Result copy(const struct ns_buf *b, uint64_t off, void *buf,
		       size_t len, bool to_ns)
{
	uint64_t end, abs;

	if (ADD_OVERFLOW(off, (uint64_t)len, &end) || end > b->size ||
	    ADD_OVERFLOW(b->offs, off, &abs))
		return TEE_ERROR_BAD_PARAMETERS;
	if (b->shm)
		return to_ns ? shm_write(b->shm, abs, buf, len)
			     : shm_read(b->shm, abs, buf, len);
	if (ADD_OVERFLOW(b->pa, abs, &abs))
		return TEE_ERROR_BAD_PARAMETERS;
	return to_ns ? ns_mem_write(abs, buf, len) : ns_mem_read(abs, buf, len);
}

TEE_Result ns_buf_read(const struct ns_buf *b, uint64_t off, void *dst,
		       size_t len)
{
	return copy(b, off, dst, len, false);
}

TEE_Result ns_buf_write(const struct ns_buf *b, uint64_t off, const void *src,
			size_t len)
{
	return copy(b, off, (void *)src, len, true);
}
