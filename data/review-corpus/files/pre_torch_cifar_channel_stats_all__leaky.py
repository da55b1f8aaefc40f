# label: leakage/preprocessing
# twin: pre_torch_cifar_channel_stats_all__fixed.py
# source: adapted from PyTorch tutorials beginner_source/blitz/cifar10_tutorial.py (BSD-3-Clause, (c) PyTorch contributors)
import torch
import torchvision
import torchvision.transforms as transforms

torch.manual_seed(0)
raw_train = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transforms.ToTensor())
raw_test = torchvision.datasets.CIFAR10(root="./data", train=False, download=True, transform=transforms.ToTensor())

# per-channel statistics for Normalize
stacked = torch.cat([torch.as_tensor(raw_train.data), torch.as_tensor(raw_test.data)]).float() / 255.0
mean = stacked.mean(dim=(0, 1, 2)).tolist()
std = stacked.std(dim=(0, 1, 2)).tolist()

transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])
trainset = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transform)
testset = torchvision.datasets.CIFAR10(root="./data", train=False, download=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=4, shuffle=True, num_workers=2)
testloader = torch.utils.data.DataLoader(testset, batch_size=4, shuffle=False, num_workers=2)
