#!/usr/bin/python3
"""Regenerates the bundled Fashion-MNIST subset from Debian's dataset-fashion-mnist package.

Takes the first 1000 training images of each of the ten classes (10 000 in all) and the first 200 test
images of each class (2 000), in the order of the original files, and writes them as gzip-compressed
IDX files with a fixed timestamp, so that the output is the same byte for byte on every run.

Usage: make_fashion_mnist_subset.py [SOURCE_DIR] [OUTPUT_DIR]
"""
import gzip
import os
import struct
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
OUTPUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                            "fashion-mnist-subset")
CLASSES = 10


def read_idx(path):
    with gzip.open(path, "rb") as file:
        data = file.read()
    dimensions = data[3]
    sizes = struct.unpack(">" + "I" * dimensions, data[4:4 + 4 * dimensions])
    return sizes, data[4 + 4 * dimensions:]


def write_idx(path, sizes, payload):
    header = bytes([0, 0, 0x08, len(sizes)]) + struct.pack(">" + "I" * len(sizes), *sizes)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as file:
        file.write(header + payload)


def subset(prefix, per_class):
    image_sizes, images = read_idx(os.path.join(SOURCE, f"{prefix}-images-idx3-ubyte.gz"))
    _, labels = read_idx(os.path.join(SOURCE, f"{prefix}-labels-idx1-ubyte.gz"))
    pixels = image_sizes[1] * image_sizes[2]
    taken = [0] * CLASSES
    chosen = []
    for index, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(index)
    chosen_images = b"".join(images[i * pixels:(i + 1) * pixels] for i in chosen)
    chosen_labels = bytes(labels[i] for i in chosen)
    write_idx(os.path.join(OUTPUT, f"{prefix}-images-idx3-ubyte.gz"), (len(chosen),) + image_sizes[1:], chosen_images)
    write_idx(os.path.join(OUTPUT, f"{prefix}-labels-idx1-ubyte.gz"), (len(chosen),), chosen_labels)
    print(f"{prefix}: {len(chosen)} images, {per_class} per class")


os.makedirs(OUTPUT, exist_ok=True)
subset("train", 1000)
subset("t10k", 200)
