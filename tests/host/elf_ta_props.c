/*
 * Host helper for tests/host/test_ta_bti.sh: runs the core's TA ELF decoder
 * (core/tee/elf_ta.c) on each file named and prints
 *   <file> ok bti=<0|1> pac=<0|1>   or   <file> refused 0x<TEE_Result>
 * so the script can check what the core will make of a TA's GNU property.
 */
#include <stdio.h>
#include <stdlib.h>
#include <tee/elf_ta.h>

static int decode_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long size;
	struct elf_ta ta;
	TEE_Result res;

	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		perror(path);
		return 1;
	}
	buf = malloc(size ? (size_t)size : 1);
	if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
		perror(path);
		return 1;
	}
	fclose(f);
	res = elf_ta_decode(buf, (size_t)size, &ta);
	if (res)
		printf("%s refused 0x%x\n", path, res);
	else
		printf("%s ok bti=%d pac=%d\n", path, ta.bti, ta.pac);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int rc = 0;

	for (int i = 1; i < argc; i++)
		rc |= decode_file(argv[i]);
	return rc;
}
