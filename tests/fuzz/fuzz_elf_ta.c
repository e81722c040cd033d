/*
 * libFuzzer harness over the TA ELF decoder and loader: whatever decode
 * accepts must load into a span-sized buffer without touching anything
 * outside it (ASan watches the buffer's edges). The decoder's reads of
 * program headers, the dynamic section and the GNU property note
 * (PT_GNU_PROPERTY) are all inside the input buffer, an exact-size copy.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tee/elf_ta.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_ta ta;
	uint8_t *copy = malloc(size ? size : 1), *image;

	memcpy(copy, data, size);
	if (elf_ta_decode(copy, size, &ta) == TEE_SUCCESS) {
		if (!ta.span || ta.span > ELF_TA_MAX_SPAN || ta.span % 4096)
			abort();
		image = calloc(1, ta.span);
		elf_ta_load(copy, &ta, image, 0x100000000ull);
		free(image);
	}
	free(copy);
	return 0;
}
