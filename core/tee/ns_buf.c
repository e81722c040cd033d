/* Byte ranges of normal-world memory, contiguous or page-listed. */
#include <tee/ns_mem.h>
#include <tee/shm.h>

static TEE_Result check_range(const struct ns_buf *b, uint64_t off,
			      size_t len, uint64_t *abs)
{
	uint64_t end;

	if (ADD_OVERFLOW(off, (uint64_t)len, &end) || end > b->size)
		return TEE_ERROR_BAD_PARAMETERS;
	if (ADD_OVERFLOW(b->offs, off, abs))
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

TEE_Result ns_buf_read(const struct ns_buf *b, uint64_t off, void *dst,
		       size_t len)
{
	uint64_t abs;
	TEE_Result res = check_range(b, off, len, &abs);

	if (res)
		return res;
	if (b->shm)
		return shm_read(b->shm, abs, dst, len);
	if (ADD_OVERFLOW(b->pa, abs, &abs))
		return TEE_ERROR_BAD_PARAMETERS;
	return ns_mem_read(abs, dst, len);
}

TEE_Result ns_buf_write(const struct ns_buf *b, uint64_t off, const void *src,
			size_t len)
{
	uint64_t abs;
	TEE_Result res = check_range(b, off, len, &abs);

	if (res)
		return res;
	if (b->shm)
		return shm_write(b->shm, abs, src, len);
	if (ADD_OVERFLOW(b->pa, abs, &abs))
		return TEE_ERROR_BAD_PARAMETERS;
	return ns_mem_write(abs, src, len);
}
